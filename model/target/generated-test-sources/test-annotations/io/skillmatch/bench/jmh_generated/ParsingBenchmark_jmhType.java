package io.skillmatch.bench.jmh_generated;
public class ParsingBenchmark_jmhType extends ParsingBenchmark_jmhType_B3 {
}

