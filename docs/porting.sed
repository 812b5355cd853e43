# Ports the Java sources of a Spark Streaming program to dstream: the mechanical renames of
# docs/porting.md. It uses extended regular expressions (-E), which GNU and BSD sed both understand:
#
#   find src -name '*.java' -exec sed -E -i -f docs/porting.sed {} +       (GNU sed, Linux)
#   find src -name '*.java' -exec sed -E -i '' -f docs/porting.sed {} +    (BSD sed, macOS)
#
# Running it again on ported sources changes nothing. What it cannot port, the compiler reports;
# docs/porting.md says what to do for each.

# ---- imports and qualified names (before the simple names below, which appear inside them) ----
# spark-streaming-kafka-0-10: the same classes, in io.dstream.kafka (docs/kafka.md)
s/org\.apache\.spark\.streaming\.kafka010\./io.dstream.kafka./g
s/org\.apache\.spark\.streaming\.api\.java\./io.dstream./g
s/org\.apache\.spark\.streaming\.(Durations|Duration|Time|StateSpec|State)([^A-Za-z0-9_]|$)/io.dstream.\1\2/g
s/org\.apache\.spark\.streaming\.(Seconds|Minutes|Milliseconds)([^A-Za-z0-9_]|$)/io.dstream.Durations\2/g
s/org\.apache\.spark\.streaming\.scheduler\./io.dstream.scheduler./g
s/org\.apache\.spark\.streaming\.receiver\./io.dstream.receiver./g
s/org\.apache\.spark\.streaming\.\*;/io.dstream.*;/g
s/org\.apache\.spark\.api\.java\.function\./io.dstream.function./g
s/org\.apache\.spark\.api\.java\.Optional([^A-Za-z0-9_]|$)/java.util.Optional\1/g
s/org\.apache\.spark\.api\.java\.JavaSparkContext([^A-Za-z0-9_]|$)/io.dstream.StreamingContext\1/g
s/org\.apache\.spark\.api\.java\.StorageLevels([^A-Za-z0-9_]|$)/io.dstream.storage.StorageLevel\1/g
s/org\.apache\.spark\.storage\.StorageLevel([^A-Za-z0-9_]|$)/io.dstream.storage.StorageLevel\1/g
s/org\.apache\.spark\.api\.java\.(JavaPairRDD|JavaRDD)([^A-Za-z0-9_]|$)/io.dstream.rdd.\1\2/g
s/org\.apache\.spark\.api\.java\.\*;/io.dstream.rdd.*;/g
s/org\.apache\.spark\.SparkConf([^A-Za-z0-9_]|$)/io.dstream.StreamingConf\1/g
s/scala\.Tuple2([^A-Za-z0-9_]|$)/io.dstream.Tuple2\1/g

# ---- methods whose names carry the Spark types ----
s/\.fromJavaDStream\(/.fromDStream(/g
s/\.fromJavaRDD\(/.fromRDD(/g

# ---- types ----
s/JavaStreamingContext/StreamingContext/g
s/JavaSparkContext/StreamingContext/g
s/JavaReceiverInputDStream/ReceiverInputDStream/g
s/JavaInputDStream/InputDStream/g
s/JavaMapWithStateDStream/MapWithStateDStream/g
s/JavaPairDStream/PairDStream/g
s/JavaDStream/DStream/g
s/JavaPairRDD/PairRDD/g
s/JavaRDD/RDD/g
s/SparkConf/StreamingConf/g

# ---- there is no SparkContext: the context makes RDDs itself ----
s/\.sparkContext\(\)//g

# ---- Kafka: the batch RDD and the stream are themselves HasOffsetRanges and CanCommitOffsets ----
s/\(HasOffsetRanges\) *([A-Za-z_][A-Za-z0-9_]*)\.rdd\(\)/(HasOffsetRanges) \1/g
s/\(CanCommitOffsets\) *([A-Za-z_][A-Za-z0-9_]*)\.inputDStream\(\)/(CanCommitOffsets) \1/g

# ---- durations ----
s/Seconds\.apply\(/Durations.seconds(/g
s/Minutes\.apply\(/Durations.minutes(/g
s/Milliseconds\.apply\(/Durations.milliseconds(/g

# ---- storage levels: constants, not methods ----
s/StorageLevels\./StorageLevel./g
s/StorageLevel\.([A-Z0-9_]+)\(\)/StorageLevel.\1/g

# ---- Spark's Optional to java.util.Optional (Spark's or(x) is orElse(x): not renamed, see porting.md) ----
s/Optional\.absent\(\)/Optional.empty()/g
s/Optional\.fromNullable\(/Optional.ofNullable(/g
s/\.orNull\(\)/.orElse(null)/g

# ---- configuration keys ----
s/"spark\.streaming\.gracefulStopTimeout"/"dstream.stopTimeout"/g
s/"spark\.streaming\.kafka\.consumer\.poll\.ms"/"dstream.kafka.pollTimeout"/g
s/"spark\.streaming\./"dstream./g
s/"spark\.(master|app\.name|default\.parallelism|task\.maxFailures)"/"dstream.\1"/g

# ---- stop: Spark's stop(stopSparkContext) stops at once; stop(stopSparkContext, stopGracefully) ----
s/\.stop\((true|false)\)/.stop()/g
s/\.stop\((true|false), *(true|false)\)/.stop(\/* stopGracefully *\/ \2)/g
