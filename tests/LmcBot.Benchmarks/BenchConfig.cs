using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace LmcBot.Benchmarks;

/// <summary>
/// A short job (the machine is shared: few iterations, one launch) with median and p90 columns and
/// allocations per operation.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(12)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
            .WithId("Short"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P90, StatisticColumn.Min, StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>For benchmarks that create files: one invocation per iteration, with setup between iterations.</summary>
public sealed class SingleInvocationConfig : ManualConfig
{
    public SingleInvocationConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(12)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("Single"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P90, StatisticColumn.Min, StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
