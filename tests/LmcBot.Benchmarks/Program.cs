using BenchmarkDotNet.Running;
using LmcBot.Benchmarks;

// Modes besides BenchmarkDotNet (see docs/PERFORMANCE.md):
//   questions [dev] [bad] [1000 10000 100000] [--hot|--single] [--verbose]  per-question timing with a Stopwatch: each question's median, then median/p90/max over questions
//   ask-process [N] [--dll path] [--question text]  `LmcBot ask` as a whole process against an existing database, N runs
//   profile [dev|facts] [seconds]  a tight answering loop to run under perf
//   startup <database> [question]  the ask verb's work after parsing, phase by phase, cold
//   ingest-phases [runs]  the ingest benchmark's steps, timed, with allocations
//   dense-model [rounds]  the sentence model: load time, RSS, per-question embedding median/p99, ingest batch rate
//   golden [file] [facts...]  every answer to a broad question set, to diff before and after an engine change
//   anything else is passed to BenchmarkDotNet (e.g. --filter '*', --list flat)
return args.FirstOrDefault() switch
{
    "questions" => PerQuestion.Run(args[1..]),
    "ask-process" => await WholeProcess.RunAsync(args[1..]),
    "profile" => Profile.Run(args[1..]),
    "golden" => Golden.Run(args[1..]),
    "dense-model" => DenseModel.Run(args[1..]),
    "startup" => Startup.Run(args[1..]),
    "ingest-phases" => Startup.Ingest(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(AnswerDevQuestions).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
