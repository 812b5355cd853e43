package io.dstream.ml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.ml.classification.LogisticRegressionModel;
import io.dstream.ml.clustering.StreamingKMeansModel;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import io.dstream.ml.regression.LinearRegressionModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code save} and {@code load} of every model: exact round trips, and clear refusals of files that are not one. */
class ModelSaveLoadTest {
  private final InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();
  private final Random random = new Random(23);

  @AfterEach
  void discard() {
    fs.discard();
  }

  private String uri(String path) {
    return fs.toUri(path).toString();
  }

  /** Numbers whose decimal forms are long, so that a lossy round trip would show. */
  private double[] randomRow(int size) {
    double[] row = new double[size];
    for (int j = 0; j < size; j++) {
      row[j] = random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
    }
    return row;
  }

  private StreamingKMeansModel kmeansModel() {
    Vector[] centers = {Vectors.dense(randomRow(3)), Vectors.dense(randomRow(3))};
    return new StreamingKMeansModel(centers, new double[] {3.25, 1e-300});
  }

  @Test
  void aKMeansModelComesBackExactlyAndPredictsTheSame() throws IOException {
    StreamingKMeansModel model = kmeansModel();
    model.save(uri("/models/clusters.json"));

    StreamingKMeansModel loaded = StreamingKMeansModel.load(uri("/models/clusters.json"));

    assertThat(loaded.clusterCenters()).isEqualTo(model.clusterCenters());
    assertThat(loaded.clusterWeights()).containsExactly(model.clusterWeights());
    for (int i = 0; i < 20; i++) {
      Vector point = Vectors.dense(randomRow(3));
      assertThat(loaded.predict(point)).isEqualTo(model.predict(point));
    }
  }

  @Test
  void theLinearModelsComeBackExactlyFromALocalFile(@TempDir Path directory) throws IOException {
    LinearRegressionModel linear = new LinearRegressionModel(Vectors.dense(randomRow(5)), -0.1);
    LogisticRegressionModel logistic = new LogisticRegressionModel(Vectors.dense(randomRow(5)), 2.5e-17);
    String linearPath = directory.resolve("linear.json").toString();
    String logisticPath = directory.resolve("logistic.json").toUri().toString();
    linear.save(linearPath);
    logistic.save(logisticPath);

    LinearRegressionModel linearBack = LinearRegressionModel.load(linearPath);
    LogisticRegressionModel logisticBack = LogisticRegressionModel.load(logisticPath);

    assertThat(linearBack.weights()).isEqualTo(linear.weights());
    assertThat(linearBack.intercept()).isEqualTo(linear.intercept());
    assertThat(logisticBack.weights()).isEqualTo(logistic.weights());
    assertThat(logisticBack.intercept()).isEqualTo(logistic.intercept());
    assertThat(Files.readString(directory.resolve("linear.json"))).startsWith(
        "{\"class\":\"LinearRegressionModel\",\"version\":1,\"weights\":[" + linear.weights().apply(0) + ",");
  }

  @Test
  void savingAgainReplacesTheFile() throws IOException {
    new LinearRegressionModel(Vectors.dense(1.0, 2.0), 0.0).save(uri("/m.json"));
    new LinearRegressionModel(Vectors.dense(3.0), 1.0).save(uri("/m.json"));

    assertThat(LinearRegressionModel.load(uri("/m.json")).weights()).isEqualTo(Vectors.dense(3.0));
  }

  @Test
  void aMissingFileIsRefusedNamingThePath() {
    assertThatThrownBy(() -> StreamingKMeansModel.load(uri("/models/none.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot load a StreamingKMeansModel from " + uri("/models/none.json") + ": there is no such file");
  }

  @Test
  void aDamagedFileIsRefusedNamingThePathAndWhere() throws IOException {
    kmeansModel().save(uri("/clusters.json"));
    byte[] saved = fs.readAllBytes("/clusters.json");
    fs.writeAtomically("/clusters.json", Arrays.copyOf(saved, saved.length / 2));

    assertThatThrownBy(() -> StreamingKMeansModel.load(uri("/clusters.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot load a StreamingKMeansModel from " + uri("/clusters.json") + ": it is not a "
            + "model file (expected ")
        .hasMessageContaining("at position");
  }

  @Test
  void anotherModelsFileIsRefusedSayingWhichItHolds() throws IOException {
    new LinearRegressionModel(Vectors.dense(1.0), 0.0).save(uri("/linear.json"));

    assertThatThrownBy(() -> LogisticRegressionModel.load(uri("/linear.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot load a LogisticRegressionModel from " + uri("/linear.json") + ": it holds a "
            + "LinearRegressionModel; load it with LinearRegressionModel.load");
  }

  @Test
  void aFileOfAnotherVersionOrWithAFieldMissingOrInconsistentIsRefused() throws IOException {
    fs.writeAtomically("/v2.json", "{\"class\":\"LinearRegressionModel\",\"version\":2,\"weights\":[1.0]}".getBytes(UTF_8));
    fs.writeAtomically("/no-intercept.json",
        "{\"class\":\"LinearRegressionModel\",\"version\":1,\"weights\":[1.0]}".getBytes(UTF_8));
    fs.writeAtomically("/weights.json", ("{\"class\":\"StreamingKMeansModel\",\"version\":1,\"clusterCenters\":"
        + "[[1.0],[2.0]],\"clusterWeights\":[1.0]}").getBytes(UTF_8));

    assertThatThrownBy(() -> LinearRegressionModel.load(uri("/v2.json"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("of layout version 2.0, and this version of dstream reads version 1");
    assertThatThrownBy(() -> LinearRegressionModel.load(uri("/no-intercept.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(uri("/no-intercept.json") + ": its field 'intercept' is missing");
    assertThatThrownBy(() -> StreamingKMeansModel.load(uri("/weights.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(uri("/weights.json") + ": a k-means model needs one weight per center");
  }

  @Test
  void aModelWithAnInfiniteNumberCannotBeSaved() {
    LinearRegressionModel model = new LinearRegressionModel(Vectors.dense(1.0), Double.POSITIVE_INFINITY);

    assertThatThrownBy(() -> model.save(uri("/m.json"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its intercept is Infinity");
  }
}
