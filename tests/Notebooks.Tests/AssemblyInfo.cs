// The working directory and Console are process-wide, and a notebook run changes both: run tests one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
