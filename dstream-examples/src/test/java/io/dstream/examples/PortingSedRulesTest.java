package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Single rules of docs/porting.sed, line by line: what a line of Spark code becomes, and that the user's own
 * names that merely contain a Spark name are left alone. Running the script on its output changes nothing.
 * Skipped where no {@code sed} is on the PATH.
 */
class PortingSedRulesTest {
  @TempDir
  Path work;
  private PortingSed sed;

  @BeforeEach
  void createThePorter() {
    sed = new PortingSed(work);
  }

  static Stream<Arguments> sparkLinesAndTheirPorts() {
    return Stream.of(
        // Spark SQL: SparkSession, Dataset<Row> and Row are dstream-sql's SqlSession, DataFrame and Row
        Arguments.of("import org.apache.spark.sql.SparkSession;", "import io.dstream.sql.SqlSession;"),
        Arguments.of("import org.apache.spark.sql.Dataset;", "import io.dstream.sql.DataFrame;"),
        Arguments.of("import org.apache.spark.sql.Row; import org.apache.spark.sql.RowFactory;",
            "import io.dstream.sql.Row; import io.dstream.sql.RowFactory;"),
        Arguments.of("import org.apache.spark.sql.types.DataTypes;", "import io.dstream.sql.types.DataTypes;"),
        Arguments.of("Dataset<Row> counts = spark.sql(q);", "DataFrame counts = spark.sql(q);"),
        Arguments.of("private static transient SparkSession instance = null;",
            "private static transient SqlSession instance = null;"),
        Arguments.of("SparkSession spark = SparkSession.builder().config(rdd.context().getConf()).getOrCreate();",
            "SqlSession spark = SqlSession.builder().getOrCreate();"),
        Arguments.of("SparkSession spark = JavaSparkSessionSingleton.getInstance(rdd.context().getConf());",
            "SqlSession spark = JavaSparkSessionSingleton.getInstance("
                + "io.dstream.StreamingContext.getActive().orElseThrow().conf());"),
        Arguments.of("MySparkSession s; Dataset<Rows> d; mySparkSession.builder();",
            "MySparkSession s; Dataset<Rows> d; mySparkSession.builder();"),
        // the guide's older SQLContext, whose DataFrame is dstream's name already
        Arguments.of("import org.apache.spark.sql.SQLContext; import org.apache.spark.sql.DataFrame;",
            "import io.dstream.sql.SqlSession; import io.dstream.sql.DataFrame;"),
        Arguments.of("SQLContext sqlContext = SQLContext.getOrCreate(rdd.context());",
            "SqlSession sqlContext = SqlSession.builder().getOrCreate();"),
        Arguments.of("MySQLContext c = MySQLContext.getOrCreate(rdd.context()); SQLContexts.of(x);",
            "MySQLContext c = MySQLContext.getOrCreate(rdd.context()); SQLContexts.of(x);"),
        // whole names only: a user's names are left alone; Spark's JavaDStreamLike is DStreamLike
        Arguments.of("JavaDStreamLike<String, ?, ?> like;", "DStreamLike<String, ?, ?> like;"),
        Arguments.of("import org.apache.spark.streaming.api.java.JavaDStreamLike;", "import io.dstream.DStreamLike;"),
        // the RDD layer's other types
        Arguments.of("import org.apache.spark.api.java.JavaDoubleRDD;", "import io.dstream.rdd.DoubleRDD;"),
        Arguments.of("JavaDoubleRDD lengths = words.mapToDouble(String::length);",
            "DoubleRDD lengths = words.mapToDouble(String::length);"),
        Arguments.of("import org.apache.spark.util.StatCounter;", "import io.dstream.rdd.StatCounter;"),
        Arguments.of("import org.apache.spark.TaskContext;", "import io.dstream.TaskContext;"),
        Arguments.of("import scala.Tuple3; import scala.Tuple4;", "import io.dstream.Tuple3; import io.dstream.Tuple4;"),
        Arguments.of("public abstract class LocalJavaStreamingContext {", "public abstract class LocalJavaStreamingContext {"),
        Arguments.of("LocalJavaStreamingContext.ssc.start();", "LocalJavaStreamingContext.ssc.start();"),
        Arguments.of("MyJavaRDDs.of(mySparkConf, SparkConfig.X);", "MyJavaRDDs.of(mySparkConf, SparkConfig.X);"),
        Arguments.of("Duration d = MySeconds.apply(5); MyOptional.absent();", "Duration d = MySeconds.apply(5); MyOptional.absent();"),
        // names next to names, in generics and argument lists
        Arguments.of("JavaRDD<JavaRDD<String>> nested;", "RDD<RDD<String>> nested;"),
        Arguments.of("Map<JavaPairRDD<String, Integer>,JavaRDD<String>> m;", "Map<PairRDD<String, Integer>,RDD<String>> m;"),
        Arguments.of("f(JavaRDD,JavaRDD,JavaRDD,JavaRDD)", "f(RDD,RDD,RDD,RDD)"),
        Arguments.of("JavaStreamingContext jssc = new JavaStreamingContext(new SparkConf(), d);",
            "StreamingContext jssc = new StreamingContext(new StreamingConf(), d);"),
        // partitioners and the context's state
        Arguments.of("import org.apache.spark.HashPartitioner;", "import io.dstream.rdd.HashPartitioner;"),
        Arguments.of("import org.apache.spark.Partitioner;", "import io.dstream.rdd.Partitioner;"),
        Arguments.of("counts.reduceByKey(sum, new org.apache.spark.HashPartitioner(4));",
            "counts.reduceByKey(sum, new io.dstream.rdd.HashPartitioner(4));"),
        Arguments.of("import org.apache.spark.streaming.StreamingContextState;",
            "import io.dstream.StreamingContextState;"),
        // pair input streams, and a pair stream as a DStream of pairs
        Arguments.of("import org.apache.spark.streaming.api.java.JavaPairInputDStream;", "import io.dstream.PairDStream;"),
        Arguments.of("JavaPairReceiverInputDStream<String, Integer> in = source(jssc);",
            "PairDStream<String, Integer> in = source(jssc);"),
        Arguments.of("JavaPairInputDStream<String, Integer> in = source(jssc);",
            "PairDStream<String, Integer> in = source(jssc);"),
        Arguments.of("JavaDStream<Tuple2<String, Integer>> flat = counts.toJavaDStream();",
            "DStream<Tuple2<String, Integer>> flat = counts.toJavaDStream();"),
        // Spark's Java listener API onto dstream's listener
        Arguments.of("import org.apache.spark.streaming.api.java.JavaStreamingListener;",
            "import io.dstream.scheduler.StreamingListener;"),
        Arguments.of("import org.apache.spark.streaming.api.java.JavaStreamingListenerBatchCompleted;",
            "import io.dstream.scheduler.StreamingListenerBatchCompleted;"),
        Arguments.of("import org.apache.spark.streaming.api.java.JavaBatchInfo;", "import io.dstream.scheduler.BatchInfo;"),
        Arguments.of("import org.apache.spark.streaming.api.java.*;", "import io.dstream.*; import io.dstream.scheduler.*;"),
        Arguments.of("class Progress extends JavaStreamingListener {", "class Progress implements StreamingListener {"),
        Arguments.of("class Progress extends JavaStreamingListener implements Serializable {",
            "class Progress implements StreamingListener, Serializable {"),
        Arguments.of("public void onReceiverError(JavaStreamingListenerReceiverError error) {",
            "public void onReceiverError(StreamingListenerReceiverError error) {"),
        Arguments.of("JavaOutputOperationInfo op = e.outputOperationInfo(); JavaReceiverInfo r = null;",
            "OutputOperationInfo op = e.outputOperationInfo(); ReceiverInfo r = null;"),
        Arguments.of("jssc.addStreamingListener(new JavaStreamingListenerWrapper(new Progress(out)));",
            "jssc.addStreamingListener(new Progress(out));"),
        // a receiver's preferredLocation
        Arguments.of("import scala.Option;", "import java.util.Optional;"),
        Arguments.of("public Option<String> preferredLocation() {", "public Optional<String> preferredLocation() {"),
        Arguments.of("return Option.apply(host);", "return Optional.ofNullable(host);"),
        // stop: the one-argument form is Spark's stopSparkContext, the two-argument form means the same in both
        Arguments.of("jssc.stop(true);", "jssc.stop();"),
        Arguments.of("jssc.stop(false);", "jssc.stop();"),
        Arguments.of("jssc.stop(false, true);", "jssc.stop(false, true);"),
        Arguments.of("jssc.stop(stopContext, graceful);", "jssc.stop(stopContext, graceful);"),
        Arguments.of("stop(\"the source closed\");", "stop(\"the source closed\");"));
  }

  @ParameterizedTest
  @MethodSource("sparkLinesAndTheirPorts")
  void aSparkLineBecomesItsPort(String spark, String ported) throws Exception {
    assertThat(sed.port(spark + "\n")).isEqualTo(ported + "\n");
    assertThat(sed.port(ported + "\n")).as("the script run again on its output").isEqualTo(ported + "\n");
  }
}
