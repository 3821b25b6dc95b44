using BenchmarkDotNet.Attributes;
using LmcBot.Core.Answering;
using LmcBot.Core.Knowledge;

namespace LmcBot.Benchmarks;

/// <summary>Reading and validating knowledge/, syncing it into a new LiteDB file, and building the index.</summary>
[Config(typeof(SingleInvocationConfig))]
public class IngestShippedKnowledge
{
    private string _directory = null!;
    private string _databasePath = null!;
    private int _run;

    [GlobalSetup]
    public void Setup() => _directory = Repo.TempDirectory("lmcbot-ingest");

    [IterationSetup]
    public void NewDatabasePath()
    {
        foreach (var file in Directory.GetFiles(_directory)) File.Delete(file);
        _databasePath = Path.Combine(_directory, $"ingest-{_run++}.db");
    }

    [GlobalCleanup]
    public void Cleanup() => Repo.DeleteQuietly(_directory);

    [Benchmark]
    public int Ingest()
    {
        var set = KnowledgeBase.ReadFolder(Repo.Knowledge);
        using var store = new KnowledgeStore(_databasePath);
        store.Sync(set);
        var index = KnowledgeIndex.Build(store.ReadAll());
        return index.FactCount;
    }
}
