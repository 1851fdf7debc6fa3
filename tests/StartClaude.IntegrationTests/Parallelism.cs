// Fixtures run side by side: every test makes its own homes and bucket (or its own servers), and the
// shared servers keep buckets apart. Tests within one fixture run one at a time (fixtures keep state in fields).
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]

// Every test here runs the real executable as a child process (the installed tool under scripts/test.sh):
// not part of the fast set (scripts/test.sh --fast runs TestCategory!=Slow).
[assembly: Category("Slow")]
