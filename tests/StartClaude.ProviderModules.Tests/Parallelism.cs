// Fixtures run side by side: every test makes its own homes and bucket (or its own servers), and the
// shared servers keep buckets apart. Tests within one fixture run one at a time (fixtures keep state in fields).
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
