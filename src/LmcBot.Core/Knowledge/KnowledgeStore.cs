using LiteDB;
using LmcBot.Core.Embedding;

namespace LmcBot.Core.Knowledge;

/// <summary>
/// The LiteDB file behind the knowledge base: one instance per file (direct connection), every write
/// in one transaction together with its audit entry. Opening it takes the file's <see cref="DatabaseWriterLock"/>,
/// so a second process (or a second instance) on the same file is refused instead of silently losing updates.
/// </summary>
public sealed class KnowledgeStore : IDisposable
{
    private const string KnowledgeHashKey = "knowledge-hash";
    private const string FeedbackSaltKey = "feedback-salt";
    private readonly LiteDatabase _db;
    private readonly Lock _writeLock = new();
    private readonly TimeProvider _time;
    private bool _disposed;

    /// <param name="vectors">
    /// Where the vectors of facts and sentences come from (the committed file, then the model); null keeps no vectors,
    /// so answering has no dense retrieval (tests that do not need it, tools).
    /// </param>
    /// <param name="purpose">What this process is, shown to a process refused the lock (default: the executable's name).</param>
    /// <exception cref="DatabaseLockedException">Another process has the file open.</exception>
    public KnowledgeStore(string path, TimeProvider? time = null, DenseVectorSource? vectors = null, string? purpose = null)
    {
        _time = time ?? TimeProvider.System;
        VectorSource = vectors;
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        WriterLock = DatabaseWriterLock.Acquire(Path, purpose ?? System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath) ?? "a process");
        try
        {
            var mapper = new BsonMapper { SerializeNullValues = false };
            mapper.Entity<Entity>().Id(e => e.Name);
            mapper.Entity<AuditEntry>().Id(e => e.Id, autoId: true);
            _db = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Direct }, mapper);
            Facts.EnsureIndex(f => f.Kind);
            Sentences.EnsureIndex(s => s.DocumentId);
            Sentences.EnsureIndex("Terms", "$.Terms[*]");
            Audit.EnsureIndex(a => a.TargetId);
            Vectors.EnsureIndex(v => v.Model);
        }
        catch
        {
            _db?.Dispose();
            WriterLock.Dispose();
            throw;
        }
    }

    /// <summary>The sentence model and committed vectors this store embeds with, or null for none.</summary>
    public DenseVectorSource? VectorSource { get; }

    public string Path { get; }

    /// <summary>This process's hold on the file, released on <see cref="Dispose"/>.</summary>
    public DatabaseWriterLock WriterLock { get; }

    internal ILiteCollection<Fact> Facts => _db.GetCollection<Fact>("facts");
    internal ILiteCollection<KnowledgeDocument> Documents => _db.GetCollection<KnowledgeDocument>("documents");
    internal ILiteCollection<Entity> Entities => _db.GetCollection<Entity>("entities");
    internal ILiteCollection<SentenceRecord> Sentences => _db.GetCollection<SentenceRecord>("sentences");
    internal ILiteCollection<AuditEntry> Audit => _db.GetCollection<AuditEntry>("audit");
    /// <summary>Vectors by content hash (<see cref="DenseText.Hash"/>); identical texts share one.</summary>
    internal ILiteCollection<StoredVector> Vectors => _db.GetCollection<StoredVector>("vectors");
    internal ILiteCollection<UnansweredQuestion> Unanswered => _db.GetCollection<UnansweredQuestion>("unanswered");
    /// <summary>Votes on answers (<see cref="FeedbackVotes"/>).</summary>
    internal ILiteCollection<FeedbackVote> Feedback => _db.GetCollection<FeedbackVote>("feedback");
    private ILiteCollection<BsonDocument> Meta => _db.GetCollection("meta");

    public DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>The hash of the knowledge files last synced, or null for a new database.</summary>
    public string? SyncedHash => Meta.FindById(KnowledgeHashKey)?["value"].AsString;

    /// <summary>
    /// The salt of voters' pseudonymous keys (<see cref="FeedbackVotes.UserKey"/>): 256 random bits made the first time
    /// it is needed and kept in the database, so keys stay the same across restarts and mean nothing elsewhere.
    /// </summary>
    internal byte[] FeedbackSalt() =>
        Read(s => s.Meta.FindById(FeedbackSaltKey)?["value"].AsBinary)
        ?? Write(s =>
        {
            if (s.Meta.FindById(FeedbackSaltKey)?["value"].AsBinary is { } made) return made;
            var salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            s.Meta.Insert(new BsonDocument { ["_id"] = FeedbackSaltKey, ["value"] = salt });
            return salt;
        });

    /// <summary>Reads everything answering needs, in one pass.</summary>
    public KnowledgeContent ReadAll()
    {
        lock (_writeLock)
        {
            return new KnowledgeContent(
                Facts.FindAll().ToList(),
                Documents.FindAll().ToList(),
                Sentences.FindAll().ToList(),
                Entities.FindAll().ToList(),
                ReadVectors());
        }
    }

    /// <summary>
    /// <see cref="ReadAll"/>, after giving every fact and sentence that lacks a vector one (a database made before
    /// vectors were kept, a fact brought back by undo): computed outside the lock, then stored in one transaction.
    /// </summary>
    public KnowledgeContent ReadAllWithVectors(IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var content = ReadAll();
        if (VectorSource is not { } source || content.Vectors is not { } stored) return content;
        var computed = source.VectorsFor(VectorTexts(content.Facts, content.Sentences), stored.ByHash.ContainsKey, progress, cancellationToken);
        if (computed.Count == 0) return content;
        Write(s => { s.PutVectors(computed); return computed.Count; });
        var merged = new Dictionary<string, float[]>(stored.ByHash, StringComparer.Ordinal);
        foreach (var (hash, vector) in computed) merged[hash] = vector;
        return content with { Vectors = stored with { ByHash = merged } };
    }

    /// <summary>The texts whose vectors answering needs: every fact (removed ones too, so a restore needs no model) and sentence.</summary>
    private static IEnumerable<string> VectorTexts(IEnumerable<Fact> facts, IEnumerable<SentenceRecord> sentences) => KnowledgeText.ForKnowledge(facts, sentences);

    /// <summary>
    /// Vectors for <paramref name="texts"/> that the store lacks, computed now, outside the write lock (the model may
    /// run): pass the result to <see cref="PutVectors"/> inside the write that stores the records. Empty without a source.
    /// </summary>
    public IReadOnlyDictionary<string, float[]> PrepareVectors(IEnumerable<string> texts, IProgress<EmbeddingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (VectorSource is not { } source) return new Dictionary<string, float[]>();
        var stored = StoredVectorIds();
        return source.VectorsFor(texts, stored.Contains, progress, cancellationToken);
    }

    /// <summary>Stores prepared vectors the store does not have yet; call inside <see cref="Write{T}"/>.</summary>
    internal void PutVectors(IReadOnlyDictionary<string, float[]> vectors)
    {
        if (VectorSource is not { } source) return;
        foreach (var (hash, vector) in vectors)
            if (vector.Length == source.Dimensions && Vectors.FindById(hash) is null)
                Vectors.Insert(new StoredVector { Id = hash, Model = source.ModelId, Data = VectorBytes.Encode(vector) });
    }

    private HashSet<string> StoredVectorIds()
    {
        lock (_writeLock)
            return Vectors.Query().Select(v => v.Id).ToEnumerable().ToHashSet(StringComparer.Ordinal);
    }

    private KnowledgeVectors? ReadVectors()
    {
        if (VectorSource is not { } source) return null;
        var model = source.ModelId;
        var byHash = Vectors.Find(v => v.Model == model).ToDictionary(v => v.Id, v => VectorBytes.Decode(v.Data), StringComparer.Ordinal);
        return new KnowledgeVectors(model, source.Dimensions, byHash);
    }

    /// <summary>Deletes vectors that no fact or sentence uses any more (or that another model made); inside a transaction.</summary>
    private int PruneVectors()
    {
        if (VectorSource is not { } source) return 0;
        var used = VectorTexts(Facts.FindAll(), Sentences.FindAll()).Select(source.Hash).ToHashSet(StringComparer.Ordinal);
        var unused = Vectors.Query().Select(v => v.Id).ToEnumerable().Where(id => !used.Contains(id)).ToList();
        foreach (var id in unused) Vectors.Delete(id);
        return unused.Count;
    }

    /// <summary>A cheap readability probe for health checks.</summary>
    public bool CanRead()
    {
        try
        {
            lock (_writeLock)
            {
                _ = Meta.Count();
                return true;
            }
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>
    /// Brings the shipped records in line with <paramref name="set"/>. Records an admin made or changed are
    /// never overwritten: a conflicting shipped change is reported and written to the audit trail instead.
    /// </summary>
    /// <param name="progress">Reports texts embedded by the model (the committed vector file usually leaves none).</param>
    public SyncReport Sync(KnowledgeSet set, IProgress<EmbeddingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // Outside the lock: vectors for every shipped fact and sentence the store lacks (a superset of what is written).
        var vectors = PrepareVectors(VectorTexts(set.Facts, set.Documents.SelectMany(SentenceRecord.FromDocument)), progress, cancellationToken);
        lock (_writeLock)
        {
            var now = Now;
            var conflicts = new List<string>();
            int added = 0, updated = 0, deleted = 0, sentences = 0;
            _db.BeginTrans();
            try
            {
                // Documents: shipped ones follow the files; imported ones are the admins'.
                var shippedDocs = set.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
                foreach (var existing in Documents.Find(d => d.Origin == KnowledgeOrigin.Shipped).ToList())
                    if (!shippedDocs.ContainsKey(existing.Id))
                    {
                        Documents.Delete(existing.Id);
                        Sentences.DeleteMany(s => s.DocumentId == existing.Id);
                    }
                foreach (var document in set.Documents)
                {
                    var existing = Documents.FindById(document.Id);
                    if (existing is { Origin: KnowledgeOrigin.Admin })
                    {
                        var message = $"document {document.Id}: an admin imported a document with this id; the shipped one was not applied";
                        conflicts.Add(message);
                        var shippedHash = document.ContentHash;
                        if (!ConflictReported(document.Id, a => a.DocumentAfter?.ContentHash == shippedHash))
                            Audit.Insert(SyncConflict(now, "document", document.Id, message, documentBefore: existing, documentAfter: document));
                        continue;
                    }
                    if (existing is not null && existing.ContentHash == document.ContentHash) continue;
                    document.UpdatedAt = now;
                    Documents.Upsert(document);
                    Sentences.DeleteMany(s => s.DocumentId == document.Id);
                    var records = SentenceRecord.FromDocument(document);
                    Sentences.InsertBulk(records);
                    sentences += records.Count;
                }

                // Facts.
                var shippedFacts = set.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
                foreach (var existing in Facts.Find(f => f.Origin == KnowledgeOrigin.Shipped).ToList())
                {
                    if (shippedFacts.ContainsKey(existing.Id)) continue;
                    if (existing.AdminOverride)
                    {
                        var message = $"fact {existing.Id}: removed from the files but changed by an admin; kept";
                        conflicts.Add(message);
                        if (!ConflictReported(existing.Id, a => a.FactAfter is null && a.Note == message))
                            Audit.Insert(SyncConflict(now, "fact", existing.Id, message, factBefore: existing));
                        continue;
                    }
                    Facts.Delete(existing.Id);
                    deleted++;
                }
                foreach (var fact in set.Facts)
                {
                    var hash = FactHash(fact);
                    var existing = Facts.FindById(fact.Id);
                    if (existing is null)
                    {
                        fact.ShippedHash = hash;
                        fact.UpdatedAt = now;
                        Facts.Insert(fact);
                        added++;
                        continue;
                    }
                    if (existing.ShippedHash == hash) continue;
                    if (existing.Origin == KnowledgeOrigin.Admin || existing.AdminOverride)
                    {
                        var message = existing.Origin == KnowledgeOrigin.Admin
                            ? $"fact {fact.Id}: the files define a fact with the id of an admin's fact; the admin's was kept"
                            : $"fact {fact.Id}: changed in the files, but an admin changed or removed it; the admin's version was kept";
                        conflicts.Add(message);
                        Audit.Insert(SyncConflict(now, "fact", fact.Id, message, factBefore: existing, factAfter: fact));
                        existing.ShippedHash = hash; // report each shipped change once
                        Facts.Update(existing);
                        continue;
                    }
                    fact.ShippedHash = hash;
                    fact.Version = existing.Version + 1;
                    fact.UpdatedAt = now;
                    Facts.Update(fact);
                    updated++;
                }

                // Entities: shipped ones follow the files.
                foreach (var existing in Entities.Find(e => e.Origin == KnowledgeOrigin.Shipped).ToList())
                    Entities.Delete(existing.Name);
                foreach (var entity in set.Entities)
                    if (Entities.FindById(entity.Name) is not { Origin: KnowledgeOrigin.Admin })
                        Entities.Upsert(entity);

                PutVectors(vectors);
                PruneVectors();
                Meta.Upsert(new BsonDocument { ["_id"] = KnowledgeHashKey, ["value"] = set.ContentHash });
                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }
            return new SyncReport(true, set.Documents.Count, set.Facts.Count, set.Entities.Count, sentences, added, updated, deleted, conflicts);
        }
    }

    /// <summary>A sync conflict for the audit trail, so <c>kb history</c> shows what the files wanted and what was kept.</summary>
    private static AuditEntry SyncConflict(DateTime now, string targetType, string targetId, string message,
        Fact? factBefore = null, Fact? factAfter = null, KnowledgeDocument? documentBefore = null, KnowledgeDocument? documentAfter = null) => new()
    {
        At = now, Platform = "sync", UserId = "knowledge-files", UserName = "knowledge files",
        Action = "sync-conflict", TargetType = targetType, TargetId = targetId,
        FactBefore = factBefore, FactAfter = factAfter, DocumentBefore = documentBefore, DocumentAfter = documentAfter, Note = message,
    };

    /// <summary>Whether a sync conflict like this one is already in the audit trail (each is reported once).</summary>
    private bool ConflictReported(string targetId, Func<AuditEntry, bool> same) =>
        Audit.Find(a => a.TargetId == targetId).Any(a => a.Action == "sync-conflict" && same(a));

    /// <summary>Runs <paramref name="change"/> inside one transaction under the write lock.</summary>
    public T Write<T>(Func<KnowledgeStore, T> change)
    {
        lock (_writeLock)
        {
            _db.BeginTrans();
            try
            {
                var result = change(this);
                _db.Commit();
                return result;
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }
    }

    /// <summary>Runs a read under the write lock (LiteDB transactions are per thread).</summary>
    public T Read<T>(Func<KnowledgeStore, T> read)
    {
        lock (_writeLock)
            return read(this);
    }

    public void Checkpoint()
    {
        lock (_writeLock) _db.Checkpoint();
    }

    /// <summary>
    /// Copies the database file to <paramref name="destination"/> (a backup): checkpointed first and copied under the
    /// write lock, so the copy holds whole transactions only; written beside and renamed, so a crash leaves no torn copy.
    /// </summary>
    public void CopyTo(string destination)
    {
        lock (_writeLock)
        {
            _db.Checkpoint();
            var partial = destination + ".partial";
            using (var source = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                source.CopyTo(target);
                target.Flush(flushToDisk: true);
            }
            File.Move(partial, destination, overwrite: true);
        }
    }

    internal static string FactHash(Fact fact)
    {
        var text = string.Join("\u001F",
            fact.Kind, fact.Statement, string.Join("\u001E", fact.Fields.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + string.Join("|", p.Value))),
            string.Join("|", fact.About), string.Join("|", fact.Keywords), fact.Claim, fact.DocumentId, fact.Quote, fact.SourceUrl, fact.AdminNote);
        return MarkdownDocumentParser.Hash(text);
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed) return;
            _disposed = true;
            try { _db.Checkpoint(); } catch (LiteException) { }
            _db.Dispose();
            // Only after the checkpoint: the next writer must find the file complete.
            WriterLock.Dispose();
        }
    }
}
