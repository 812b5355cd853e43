# Ports the Java sources of a Spark Streaming program to dstream: the mechanical renames of
# docs/porting.md. It uses extended regular expressions (-E), which GNU and BSD sed both understand:
#
#   find src -name '*.java' -exec sed -E -i -f docs/porting.sed {} +       (GNU sed, Linux)
#   find src -name '*.java' -exec sed -E -i '' -f docs/porting.sed {} +    (BSD sed, macOS)
#
# Running it again on ported sources changes nothing. What it cannot port, the compiler reports;
# docs/porting.md says what to do for each.

# Every rename matches whole names only: a name is bounded by a character that cannot be part of a Java
# identifier ([^A-Za-z0-9_$]) or by the line's start or end, so a user's LocalJavaStreamingContext is left
# as it is. A
# rule that renames types runs twice: a match takes the character after the name, which may be the one
# before the next name (JavaRDD<JavaRDD<...>>), and the second pass renames what the first had to skip.

# ---- imports and qualified names (before the simple names below, which appear inside them) ----
# spark-streaming-kafka-0-10: the same classes, in io.dstream.kafka (docs/kafka.md)
s/org\.apache\.spark\.streaming\.kafka010\./io.dstream.kafka./g
# Spark's Java listener and its events are dstream's StreamingListener and events, in io.dstream.scheduler
/^import org\.apache\.spark\.streaming\.api\.java\.JavaStreamingListenerWrapper;/d
s/org\.apache\.spark\.streaming\.api\.java\.(JavaStreamingListener[A-Za-z]*|JavaBatchInfo|JavaReceiverInfo|JavaOutputOperationInfo)([^A-Za-z0-9_$]|$)/io.dstream.scheduler.\1\2/g
s/org\.apache\.spark\.streaming\.api\.java\.\*;/io.dstream.*; import io.dstream.scheduler.*;/g
s/org\.apache\.spark\.streaming\.api\.java\./io.dstream./g
s/org\.apache\.spark\.streaming\.(Durations|Duration|Time|StateSpec|State|StreamingContextState)([^A-Za-z0-9_$]|$)/io.dstream.\1\2/g
s/org\.apache\.spark\.streaming\.(Seconds|Minutes|Milliseconds)([^A-Za-z0-9_$]|$)/io.dstream.Durations\2/g
s/org\.apache\.spark\.streaming\.scheduler\./io.dstream.scheduler./g
s/org\.apache\.spark\.streaming\.receiver\./io.dstream.receiver./g
s/org\.apache\.spark\.streaming\.\*;/io.dstream.*;/g
s/org\.apache\.spark\.api\.java\.function\./io.dstream.function./g
s/org\.apache\.spark\.api\.java\.Optional([^A-Za-z0-9_$]|$)/java.util.Optional\1/g
s/org\.apache\.spark\.api\.java\.JavaSparkContext([^A-Za-z0-9_$]|$)/io.dstream.StreamingContext\1/g
s/org\.apache\.spark\.api\.java\.StorageLevels([^A-Za-z0-9_$]|$)/io.dstream.storage.StorageLevel\1/g
s/org\.apache\.spark\.storage\.StorageLevel([^A-Za-z0-9_$]|$)/io.dstream.storage.StorageLevel\1/g
s/org\.apache\.spark\.api\.java\.(JavaPairRDD|JavaRDD|JavaDoubleRDD)([^A-Za-z0-9_$]|$)/io.dstream.rdd.\1\2/g
s/org\.apache\.spark\.util\.StatCounter([^A-Za-z0-9_$]|$)/io.dstream.rdd.StatCounter\1/g
s/org\.apache\.spark\.TaskContext([^A-Za-z0-9_$]|$)/io.dstream.TaskContext\1/g
s/org\.apache\.spark\.api\.java\.\*;/io.dstream.rdd.*;/g
s/org\.apache\.spark\.(HashPartitioner|Partitioner)([^A-Za-z0-9_$]|$)/io.dstream.rdd.\1\2/g
s/org\.apache\.spark\.SparkConf([^A-Za-z0-9_$]|$)/io.dstream.StreamingConf\1/g
s/scala\.(Tuple2|Tuple3|Tuple4)([^A-Za-z0-9_$]|$)/io.dstream.\1\2/g
# scala.Option, as a Spark receiver's preferredLocation() returns it: java.util.Optional
s/scala\.Option\.apply\(/java.util.Optional.ofNullable(/g
s/scala\.Option\.empty\(\)/java.util.Optional.empty()/g
s/scala\.Option([^A-Za-z0-9_$]|$)/java.util.Optional\1/g

# Spark SQL: dstream-sql's SqlSession, DataFrame (Spark's Dataset<Row>) and Row (docs/sql.md)
s/org\.apache\.spark\.sql\.SparkSession([^A-Za-z0-9_$]|$)/io.dstream.sql.SqlSession\1/g
s/org\.apache\.spark\.sql\.Dataset([^A-Za-z0-9_$]|$)/io.dstream.sql.DataFrame\1/g
s/org\.apache\.spark\.sql\.(Row|RowFactory)([^A-Za-z0-9_$]|$)/io.dstream.sql.\1\2/g
s/org\.apache\.spark\.sql\.types\./io.dstream.sql.types./g
# the guide's older API: SQLContext is the session, and Spark 1.x's DataFrame class has dstream's name already
s/org\.apache\.spark\.sql\.SQLContext([^A-Za-z0-9_$]|$)/io.dstream.sql.SqlSession\1/g
s/org\.apache\.spark\.sql\.DataFrame([^A-Za-z0-9_$]|$)/io.dstream.sql.DataFrame\1/g
# the guide's session of the RDD's context, SparkSession.builder().config(rdd.context().getConf()) or, in its
# older form, SQLContext.getOrCreate(rdd.context()): the builder returns the session of the active context, so
# its configuration is not needed; elsewhere an RDD's configuration is the active context's
s/(^|[^A-Za-z0-9_$])SparkSession\.builder\(\)\.config\([A-Za-z_][A-Za-z0-9_]*\.context\(\)\.getConf\(\)\)/\1SqlSession.builder()/g
s/(^|[^A-Za-z0-9_$])SQLContext\.getOrCreate\([A-Za-z_][A-Za-z0-9_]*\.context\(\)\)/\1SqlSession.builder().getOrCreate()/g
s/(^|[^A-Za-z0-9_$.])[A-Za-z_][A-Za-z0-9_]*\.context\(\)\.getConf\(\)/\1io.dstream.StreamingContext.getActive().orElseThrow().conf()/g

# ---- methods whose names carry the Spark types ----
s/\.fromJavaDStream\(/.fromDStream(/g
s/\.fromJavaRDD\(/.fromRDD(/g

# ---- listeners: Spark's JavaStreamingListener is an abstract class, dstream's StreamingListener an
# interface, which a listener implements and registers as it is (Spark needs a JavaStreamingListenerWrapper)
s/extends JavaStreamingListener implements /implements StreamingListener, /g
s/extends JavaStreamingListener([^A-Za-z0-9_$]|$)/implements StreamingListener\1/g
s/new JavaStreamingListenerWrapper\(([^()]*(\([^()]*\))?[^()]*)\)/\1/g

# ---- types ----
s/(^|[^A-Za-z0-9_$])Java(StreamingContext|ReceiverInputDStream|InputDStream|MapWithStateDStream|PairDStream|DStreamLike|DStream|PairRDD|DoubleRDD|RDD)([^A-Za-z0-9_$]|$)/\1\2\3/g
s/(^|[^A-Za-z0-9_$])Java(StreamingContext|ReceiverInputDStream|InputDStream|MapWithStateDStream|PairDStream|DStreamLike|DStream|PairRDD|DoubleRDD|RDD)([^A-Za-z0-9_$]|$)/\1\2\3/g
# there are no pair input streams: the stream is a PairDStream (porting.md, what the script leaves to you)
s/(^|[^A-Za-z0-9_$])Java(PairInputDStream|PairReceiverInputDStream)([^A-Za-z0-9_$]|$)/\1PairDStream\3/g
s/(^|[^A-Za-z0-9_$])Java(PairInputDStream|PairReceiverInputDStream)([^A-Za-z0-9_$]|$)/\1PairDStream\3/g
s/(^|[^A-Za-z0-9_$])JavaSparkContext([^A-Za-z0-9_$]|$)/\1StreamingContext\2/g
s/(^|[^A-Za-z0-9_$])JavaSparkContext([^A-Za-z0-9_$]|$)/\1StreamingContext\2/g
s/(^|[^A-Za-z0-9_$])SparkConf([^A-Za-z0-9_$]|$)/\1StreamingConf\2/g
s/(^|[^A-Za-z0-9_$])SparkConf([^A-Za-z0-9_$]|$)/\1StreamingConf\2/g
s/(^|[^A-Za-z0-9_$])JavaStreamingListener(Event|BatchSubmitted|BatchStarted|BatchCompleted|OutputOperationStarted|OutputOperationCompleted|ReceiverStarted|ReceiverError|ReceiverStopped)?([^A-Za-z0-9_$]|$)/\1StreamingListener\2\3/g
s/(^|[^A-Za-z0-9_$])JavaStreamingListener(Event|BatchSubmitted|BatchStarted|BatchCompleted|OutputOperationStarted|OutputOperationCompleted|ReceiverStarted|ReceiverError|ReceiverStopped)?([^A-Za-z0-9_$]|$)/\1StreamingListener\2\3/g
s/(^|[^A-Za-z0-9_$])Java(BatchInfo|ReceiverInfo|OutputOperationInfo)([^A-Za-z0-9_$]|$)/\1\2\3/g
s/(^|[^A-Za-z0-9_$])Java(BatchInfo|ReceiverInfo|OutputOperationInfo)([^A-Za-z0-9_$]|$)/\1\2\3/g
s/(^|[^A-Za-z0-9_$])SparkSession([^A-Za-z0-9_$]|$)/\1SqlSession\2/g
s/(^|[^A-Za-z0-9_$])SparkSession([^A-Za-z0-9_$]|$)/\1SqlSession\2/g
s/(^|[^A-Za-z0-9_$])Dataset<Row>/\1DataFrame/g
s/(^|[^A-Za-z0-9_$])SQLContext([^A-Za-z0-9_$]|$)/\1SqlSession\2/g
s/(^|[^A-Za-z0-9_$])SQLContext([^A-Za-z0-9_$]|$)/\1SqlSession\2/g
# scala.Option in a receiver's preferredLocation() (imported above as java.util.Optional)
s/(^|[^A-Za-z0-9_$])Option<String> preferredLocation\(/\1Optional<String> preferredLocation(/g
s/(^|[^A-Za-z0-9_$])Option\.apply\(/\1Optional.ofNullable(/g
s/(^|[^A-Za-z0-9_$])Option\.empty\(\)/\1Optional.empty()/g

# ---- there is no SparkContext: the context makes RDDs itself ----
s/\.sparkContext\(\)//g

# ---- Kafka: the batch RDD and the stream are themselves HasOffsetRanges and CanCommitOffsets ----
s/\(HasOffsetRanges\) *([A-Za-z_][A-Za-z0-9_]*)\.rdd\(\)/(HasOffsetRanges) \1/g
s/\(CanCommitOffsets\) *([A-Za-z_][A-Za-z0-9_]*)\.inputDStream\(\)/(CanCommitOffsets) \1/g

# ---- durations ----
s/(^|[^A-Za-z0-9_$.])Seconds\.apply\(/\1Durations.seconds(/g
s/(^|[^A-Za-z0-9_$.])Minutes\.apply\(/\1Durations.minutes(/g
s/(^|[^A-Za-z0-9_$.])Milliseconds\.apply\(/\1Durations.milliseconds(/g

# ---- storage levels: constants, not methods ----
s/(^|[^A-Za-z0-9_$])StorageLevels\./\1StorageLevel./g
s/(^|[^A-Za-z0-9_$])StorageLevel\.([A-Z0-9_]+)\(\)/\1StorageLevel.\2/g

# ---- Spark's Optional to java.util.Optional (Spark's or(x) is orElse(x): not renamed, see porting.md) ----
s/(^|[^A-Za-z0-9_$])Optional\.absent\(\)/\1Optional.empty()/g
s/(^|[^A-Za-z0-9_$])Optional\.fromNullable\(/\1Optional.ofNullable(/g
s/\.orNull\(\)/.orElse(null)/g

# ---- configuration keys ----
s/"spark\.streaming\.gracefulStopTimeout"/"dstream.stopTimeout"/g
s/"spark\.streaming\.kafka\.consumer\.poll\.ms"/"dstream.kafka.pollTimeout"/g
s/"spark\.streaming\./"dstream./g
s/"spark\.(master|app\.name|default\.parallelism|task\.maxFailures)"/"dstream.\1"/g

# ---- stop: Spark's stop(stopSparkContext) stops at once, where dstream's stop(boolean) is the graceful
# flag: a literal true or false becomes stop(). stop(stopSparkContext, stopGracefully) means the same in
# both and stays as it is.
s/\.stop\((true|false)\)/.stop()/g
