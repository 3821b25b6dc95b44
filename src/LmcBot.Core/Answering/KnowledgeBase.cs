using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;

namespace LmcBot.Core.Answering;

/// <summary>
/// The live knowledge base: the store, the shipped folder it syncs from, and the current answering
/// index, swapped atomically after every change.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    private readonly string? _folder;
    private readonly HashSet<string> _unansweredKeys;
    private readonly Lock _unansweredLock = new();
    private readonly Lock _refreshLock = new();
    private KnowledgeIndex _index;

    /// <param name="folder">The shipped <c>knowledge/</c> folder, or null for a database used on its own.</param>
    /// <param name="progress">Texts embedded by the sentence model while opening (a first sync, vectors filled in).</param>
    public KnowledgeBase(KnowledgeStore store, string? folder, int backups = 5, IProgress<EmbeddingProgress>? progress = null)
    {
        Store = store;
        _folder = folder;
        Backups = backups;
        LastSync = _folder is null ? SyncReport.Unchanged : SyncFromFolder(force: false, progress);
        _index = KnowledgeIndex.Build(store.ReadAllWithVectors(progress));
        _unansweredKeys = store.Read(s => s.Unanswered.FindAll().Select(u => u.Id).ToHashSet(StringComparer.Ordinal));
    }

    public KnowledgeStore Store { get; }

    public int Backups { get; }

    /// <summary>The index answering reads; replaced, never mutated.</summary>
    public KnowledgeIndex Current => Volatile.Read(ref _index);

    /// <summary>
    /// Reads and validates a <c>knowledge/</c> folder as the knowledge base syncs it: its <c>synonyms.yaml</c> checked
    /// against the question vocabulary that answering folds words with.
    /// </summary>
    /// <exception cref="KnowledgeValidationException">A file has errors; every problem is listed.</exception>
    public static KnowledgeSet ReadFolder(string folder) => KnowledgeFolderReader.Read(folder, QuestionVocabulary.Default.SynonymRules);

    /// <summary>What the sync at start-up did.</summary>
    public SyncReport LastSync { get; private set; }

    /// <summary>Re-reads the folder and syncs it (when it changed, or always with <paramref name="force"/>).</summary>
    /// <param name="progress">Texts embedded by the sentence model so far, for a long ingest the CLI shows.</param>
    public SyncReport Ingest(bool force, IProgress<EmbeddingProgress>? progress = null)
    {
        var report = SyncFromFolder(force, progress);
        if (report.Changed) Refresh();
        LastSync = report;
        return report;
    }

    /// <summary>Rebuilds the index from the store after a change.</summary>
    /// <remarks>Serialised, so an index read before a later commit never replaces one read after it.</remarks>
    public void Refresh()
    {
        lock (_refreshLock)
            Volatile.Write(ref _index, KnowledgeIndex.Build(Store.ReadAllWithVectors()));
    }

    private SyncReport SyncFromFolder(bool force, IProgress<EmbeddingProgress>? progress = null)
    {
        if (_folder is null) return SyncReport.Unchanged;
        if (!force && Store.SyncedHash is { } synced && synced == KnowledgeFolderReader.HashFolder(_folder))
            return SyncReport.Unchanged;
        var set = ReadFolder(_folder);
        return Store.Sync(set, progress);
    }

    /// <summary>Counts a declined question so admins see it in <c>kb unanswered</c>.</summary>
    public void RecordUnanswered(string question, string platform)
    {
        var key = TextFolding.Fold(question);
        if (key.Length == 0) return;
        if (key.Length > 300) key = key[..300];
        var text = question.Length > 300 ? question[..300] : question;
        Store.Write(s =>
        {
            var now = s.Now;
            var entry = s.Unanswered.FindById(key) ?? new UnansweredQuestion { Id = key, FirstAsked = now };
            entry.Question = TextFolding.Sanitize(text).Trim();
            entry.Count++;
            entry.LastAsked = now;
            entry.LastPlatform = platform;
            s.Unanswered.Upsert(entry);
            return 0;
        });
        lock (_unansweredLock) _unansweredKeys.Add(key);
    }

    /// <summary>A question that is now answered leaves the unanswered list.</summary>
    public void RecordAnswered(string question)
    {
        var key = TextFolding.Fold(question);
        lock (_unansweredLock)
        {
            if (!_unansweredKeys.Remove(key)) return;
        }
        Store.Write(s => s.Unanswered.Delete(key));
    }

    /// <summary>Drops unanswered entries that the current knowledge now answers.</summary>
    public void PruneAnswered(Func<string, bool> isAnswered)
    {
        List<UnansweredQuestion> entries;
        lock (_unansweredLock) entries = Store.Read(s => s.Unanswered.FindAll().ToList());
        foreach (var entry in entries.Where(e => isAnswered(e.Question)))
            RecordAnswered(entry.Question);
    }

    public void Dispose() => Store.Dispose();
}
