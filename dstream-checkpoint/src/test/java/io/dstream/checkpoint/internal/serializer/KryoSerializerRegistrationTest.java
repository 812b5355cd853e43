package io.dstream.checkpoint.internal.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.esotericsoftware.kryo.Kryo;
import io.dstream.checkpoint.serializer.KryoRegistrator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KryoSerializerRegistrationTest {
  record Trade(String symbol, long quantity) {}

  /** Registers {@link Trade}. */
  public static final class TradeRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
      kryo.register(Trade.class);
    }
  }

  /** Has the method but not the interface. */
  public static final class NotARegistrator {
    public void registerClasses(Kryo kryo) {
      kryo.register(Trade.class);
    }
  }

  /** Cannot be created reflectively. */
  public static final class RegistratorWithArgument implements KryoRegistrator {
    public RegistratorWithArgument(String unused) {}

    @Override
    public void registerClasses(Kryo kryo) {}
  }

  /** Fails while registering. */
  public static final class FailingRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
      throw new IllegalStateException("boom in registrator");
    }
  }

  @Test
  void registrationRequiredRefusesAnUnregisteredClassAndSaysHowToRegisterIt() {
    KryoSerializer strict = new KryoSerializer(true);
    assertThat(strict.registrationRequired()).isTrue();
    assertThatThrownBy(() -> strict.serialize(new Trade("X", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Trade.class.getTypeName() + " is not registered")
        .hasMessageContaining("kryo.register(" + Trade.class.getTypeName() + ".class)")
        .hasMessageContaining("KryoRegistrator")
        .hasMessageContaining("registrationRequired=false");
  }

  @Test
  void registrationRequiredRefusesAnUnregisteredClassNestedInACollection() {
    KryoSerializer strict = new KryoSerializer(true);
    List<Trade> trades = new ArrayList<>(List.of(new Trade("X", 1)));
    assertThatThrownBy(() -> strict.serialize(trades))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Trade.class.getTypeName() + " is not registered");
  }

  @Test
  void registrationRequiredAcceptsJdkCollectionsAndBoxedValuesWithoutUserRegistration() throws Exception {
    KryoSerializer strict = new KryoSerializer(true);
    Map<String, List<Integer>> value = new HashMap<>();
    value.put("a", new ArrayList<>(List.of(1, 2)));
    value.put("b", List.of(3));
    Map<String, List<Integer>> back = strict.deserialize(strict.serialize(value));
    assertThat(back).isEqualTo(value);
    Map<String, List<String>> immutableBack = strict.deserialize(strict.serialize(Map.of("k", List.of("v"))));
    assertThat(immutableBack).isEqualTo(Map.of("k", List.of("v")));
  }

  @Test
  void registratorMakesRegisteredClassesSerializableAndCompact() throws Exception {
    KryoSerializer strict = new KryoSerializer(true, TradeRegistrator.class.getName());
    Trade trade = new Trade("ACME", 100);
    byte[] registered = strict.serialize(trade);
    assertThat((Trade) strict.deserialize(registered)).isEqualTo(trade);
    byte[] byName = new KryoSerializer().serialize(trade);
    assertThat(registered.length).isLessThan(byName.length);
  }

  @Test
  void missingRegistratorClassIsAClearError() {
    assertThatThrownBy(() -> new KryoSerializer(false, "com.example.NoSuchRegistrator"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'com.example.NoSuchRegistrator' was not found on the class path")
        .hasCauseInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void classThatIsNotARegistratorIsAClearError() {
    assertThatThrownBy(() -> new KryoSerializer(false, NotARegistrator.class.getName()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(NotARegistrator.class.getName() + " is not a Kryo registrator")
        .hasMessageContaining(KryoRegistrator.class.getName());
  }

  @Test
  void registratorWithoutNoArgConstructorIsAClearError() {
    assertThatThrownBy(() -> new KryoSerializer(false, RegistratorWithArgument.class.getName()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no public no-argument constructor");
  }

  @Test
  void registratorThatThrowsFailsTheConstructorWithItsException() {
    assertThatThrownBy(() -> new KryoSerializer(false, FailingRegistrator.class.getName()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(FailingRegistrator.class.getName())
        .hasRootCauseMessage("boom in registrator");
  }

  @Test
  void blankRegistratorNameMeansNone() throws Exception {
    KryoSerializer serializer = new KryoSerializer(false, "  ");
    assertThat((Trade) serializer.deserialize(serializer.serialize(new Trade("A", 1)))).isEqualTo(new Trade("A", 1));
    assertThat(serializer.toString()).contains("registrator=none");
  }

  record Position(String account, long amount) {}

  @Test
  void theUsersClassesKeepTheirIdsWhenTheProgramRegistersMoreClassesOfItsOwn() throws Exception {
    // An earlier version of the embedding program, and a later one that registers one more class of its own.
    KryoSerializer earlier = new KryoSerializer(true, TradeRegistrator.class.getName(), kryo -> {},
        kryo -> kryo.register(Position.class));
    KryoSerializer later = new KryoSerializer(true, TradeRegistrator.class.getName(),
        kryo -> kryo.register(int[][].class), kryo -> kryo.register(Position.class));
    List<Object> written = new ArrayList<>(List.of(new Position("a", 2), new Trade("X", 1)));

    List<Object> read = later.deserialize(earlier.serialize(written));

    assertThat(read).isEqualTo(written);
  }
}
