package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Tuple2;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.internal.rdd.RddNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bridge between nodes and public RDDs is installed once, by the rdd package itself: neither a second
 * install of the package's own bridge nor a bridge of other code can replace it.
 */
class RddBridgeInstallTest extends RddTestBase {

  /** A bridge that other code might try to slip in: it would hand out RDDs of its own. */
  private static final class ForeignBridge implements RddAccess.Bridge {
    @Override
    public <T> RDD<T> rdd(RddNode<T> node) {
      return null;
    }

    @Override
    public <K, V> PairRDD<K, V> pairRdd(RddNode<Tuple2<K, V>> node) {
      return null;
    }

    @Override
    public <T> RddNode<T> node(RDD<T> rdd) {
      return null;
    }
  }

  @Test
  void aSecondInstallOfThePackagesBridgeIsRefused() {
    RDD<Integer> rdd = ssc().parallelize(List.of(1, 2, 3), 2);

    assertThatThrownBy(RddBridge::install)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("installed already");
    assertThat(RddAccess.rdd(RddAccess.node(rdd)).collect()).containsExactly(1, 2, 3);
  }

  @Test
  void aBridgeOfOtherCodeIsRefusedAndTheInstalledOneKeepsWorking() {
    RDD<Integer> rdd = ssc().parallelize(List.of(1, 2, 3), 2);

    assertThatThrownBy(() -> RddAccess.install(new ForeignBridge()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ForeignBridge.class.getName())
        .hasMessageContaining("only io.dstream.rdd.RddBridge installs the bridge");
    assertThat(RddAccess.node(rdd)).isNotNull();
    assertThat(RddAccess.rdd(RddAccess.node(rdd)).collect()).containsExactly(1, 2, 3);
  }
}
