using System.Globalization;
using LiteDB;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LmcBot.Core.Admin;

/// <summary>
/// The one service that changes the knowledge base on an admin's behalf (<c>kb …</c> commands): every
/// change is validated, applied in one transaction with its audit entry, and made answerable at once.
/// Expected failures come back as error answers naming the problem; nothing is changed then.
/// </summary>
/// <param name="progress">Where an import's embedding is shown (the CLI's terminal); none in the web host.</param>
public sealed partial class KnowledgeEditor(KnowledgeBase knowledgeBase, ILogger<KnowledgeEditor>? logger = null,
    IProgress<EmbeddingProgress>? progress = null)
{
    /// <summary>Rows per page of <c>kb list</c>, <c>kb history</c>, <c>kb unanswered</c> and <c>kb feedback</c>.</summary>
    public const int PageSize = 10;

    private readonly AnswerEngine _engine = new();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly IProgress<EmbeddingProgress>? _progress = progress;
    private readonly KnowledgeBackups _backups = new(knowledgeBase.Store, knowledgeBase.Backups);

    public KnowledgeBase KnowledgeBase { get; } = knowledgeBase;

    private KnowledgeStore Store => KnowledgeBase.Store;

    /// <summary>Where backups taken before destructive operations go (a <c>backups/</c> folder beside the database).</summary>
    public string BackupFolder => _backups.Folder;

    // The kb commands, one method each; the catalog's entries call them with options the router checked against the
    // command's declaration. Each runs guarded: unsafe option values are refused, a failing store is reported.

    /// <summary><c>kb add &lt;kind&gt;</c> with the options its catalog entry declares (<paramref name="optionNames"/>).</summary>
    public Answer Add(string kind, IEnumerable<string> optionNames, IReadOnlyDictionary<string, string> options, ChatRequest request) =>
        Guarded(Intent.KbAdd, $"kb add {kind}", options, input => Add(kind, optionNames, input, request));

    public Answer Edit(IReadOnlyDictionary<string, string> options, ChatRequest request) => Guarded(Intent.KbEdit, "kb edit", options, input => Edit(input, request));

    public Answer Remove(IReadOnlyDictionary<string, string> options, ChatRequest request) => Guarded(Intent.KbRemove, "kb remove", options, input => Remove(input, request));

    public Answer Restore(IReadOnlyDictionary<string, string> options, ChatRequest request) => Guarded(Intent.KbRestore, "kb restore", options, input => Restore(input, request));

    public Answer Show(IReadOnlyDictionary<string, string> options) => Guarded(Intent.KbShow, "kb show", options, Show);

    public Answer List(IReadOnlyDictionary<string, string> options) => Guarded(Intent.KbList, "kb list", options, List);

    public Answer Import(IReadOnlyDictionary<string, string> options, ChatRequest request) => Guarded(Intent.KbImport, "kb import", options, input => Import(input, request));

    public Answer History(IReadOnlyDictionary<string, string> options) => Guarded(Intent.KbHistory, "kb history", options, History);

    public Answer Undo(IReadOnlyDictionary<string, string> options, ChatRequest request) => Guarded(Intent.KbUndo, "kb undo", options, input => Undo(input, request));

    public Answer Unanswered(IReadOnlyDictionary<string, string> options) => Guarded(Intent.KbUnanswered, "kb unanswered", options, Unanswered);

    public Answer Export(IReadOnlyDictionary<string, string> options) => Guarded(Intent.KbExport, "kb export", options, _ => Export());

    private Answer Guarded(Intent intent, string path, IReadOnlyDictionary<string, string> options, Func<Input, Answer> command)
    {
        try
        {
            if (UnsafeOption(intent == Intent.KbImport, options) is { } unsafeOption) return Answer.Error(intent, ErrorKind.Invalid, unsafeOption);
            return command(new Input(options));
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException)
        {
            _logger.LogError(ex, "{Command} failed in the store", path);
            return Answer.Error(intent, ErrorKind.Internal, $"The knowledge base could not be read or written ({ex.Message}). Nothing was changed; the error was logged for the operators.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "{Command} failed", path);
            return Answer.Error(intent, ErrorKind.Internal, $"'{path}' failed on my side ({ex.GetType().Name}) and nothing was changed. The error was logged for the operators.");
        }
    }

    /// <summary>
    /// Refuses an option value holding BEL, ESC or another control character (they would be stored and printed into
    /// operators' terminals by kb list, show and history). kb import's text is checked as a document instead.
    /// </summary>
    private static string? UnsafeOption(bool import, IReadOnlyDictionary<string, string> options)
    {
        foreach (var (name, value) in options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (import && name == "text") continue;
            var at = ControlCharacters.IndexOfUnsafe(value);
            if (at >= 0)
                return $"The value of {name}: contains the control character {ControlCharacters.Describe(value[at])} at character {N(at + 1)}. Type it again without control characters; nothing was changed.";
        }
        return null;
    }

    /// <summary>Option values as the command gave them: trimmed, empty meaning absent.</summary>
    private sealed class Input(IReadOnlyDictionary<string, string> options)
    {
        public IReadOnlyDictionary<string, string> All => options;

        public string? this[string name] => FactBuilder.Value(options, name);

        /// <summary>An integer option; <paramref name="error"/> when it is present but not a whole number in range.</summary>
        public int? Integer(string name, int min, out string? error) => WholeNumber(name, this[name], min, out error);
    }

    /// <summary>
    /// An integer option's value (null when absent); <paramref name="error"/> when it is present but not a whole number of
    /// at least <paramref name="min"/>. Every paged list reads its <c>page</c> with it, <c>kb feedback</c> too.
    /// </summary>
    internal static int? WholeNumber(string name, string? text, int min, out string? error)
    {
        error = null;
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min) return value;
        error = $"'{name}' must be a whole number of at least {min.ToString(CultureInfo.InvariantCulture)}, not \"{text}\".";
        return null;
    }

    /// <summary>What a change inside the transaction came to: an error (nothing written), an audited change, or nothing to do.</summary>
    private sealed record Outcome(string? Error, AuditEntry? Entry, string? Info = null, int? Suggest = null)
    {
        /// <summary>For an undo: the entry it reverted, and the undo's own entry.</summary>
        public AuditEntry? Reverted { get; init; }

        public AuditEntry? Undo { get; init; }

        public static Outcome Fail(string error) => new(error, null);

        public static Outcome Done(AuditEntry entry) => new(null, entry);

        public static Outcome Nothing(string info, int? suggest = null) => new(null, null, info, suggest);
    }

    /// <summary>Runs <paramref name="change"/> in one transaction; the audit entry it returns is inserted in the same one.</summary>
    private Outcome Apply(Func<KnowledgeStore, DateTime, Outcome> change) =>
        Store.Write(s =>
        {
            var outcome = change(s, s.Now);
            if (outcome.Entry is { } entry) s.Audit.Insert(entry);
            return outcome;
        });

    /// <summary>After a committed change: answerable at once, and questions it answers leave the unanswered list.</summary>
    private void AfterChange()
    {
        KnowledgeBase.Refresh();
        try
        {
            KnowledgeBase.PruneAnswered(question => _engine.Answer(question, KnowledgeBase.Current).Answered);
        }
        catch (Exception ex) when (ex is LiteException or IOException)
        {
            _logger.LogWarning(ex, "Pruning answered questions failed after a change");
        }
    }

    /// <summary>A backup before a destructive change; a failed backup stops the change.</summary>
    private string? Backup(string reason, out string? error)
    {
        error = null;
        try
        {
            return _backups.Create(reason);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            _logger.LogError(ex, "Backup before {Reason} failed", reason);
            error = $"I could not back up the database before this change ({ex.Message}), so nothing was changed.";
            return null;
        }
    }

    /// <summary>All the rules a fact must meet, checked against the documents as they are inside the transaction.</summary>
    private static List<string> Validate(Fact fact, KnowledgeStore s)
    {
        var errors = FactValidator.Validate(fact, id => s.Documents.FindById(id)).ToList();
        if (errors.Count > 0 || fact.DocumentId is not { } documentId || fact.Quote is not { } quote) return errors;
        // The knowledge format refuses a fact resting only on a secondary source unless a better-graded fact
        // shares its claim; the same rule here keeps every export readable.
        var document = s.Documents.FindById(documentId);
        var paragraph = FactValidator.FindQuote(document, quote);
        if (paragraph is null || document.SourcesOf(paragraph)[0].Grade != SourceGrade.Secondary) return errors;
        var claim = fact.Claim;
        var supported = claim is not null && s.Facts.FindAll().Any(other => other.Id != fact.Id && !other.Removed && other.Claim == claim && !IsSecondary(other, s));
        if (!supported)
            errors.Add($"the quote lies in a paragraph whose only source is graded secondary (unconfirmed) in '{documentId}'; cite a better-graded passage or the original web page (url: and quote:), or give the fact a claim shared with a better-sourced fact");
        return errors;
    }

    private static bool IsSecondary(Fact fact, KnowledgeStore s)
    {
        if (fact.DocumentId is not { } id || fact.Quote is not { } quote) return false;
        var document = s.Documents.FindById(id);
        var paragraph = document is null ? null : FactValidator.FindQuote(document, quote);
        return paragraph is not null && document!.SourcesOf(paragraph)[0].Grade == SourceGrade.Secondary;
    }

    /// <summary>Shipped facts that differ from their shipped definition are marked, so a re-sync of the files leaves them alone.</summary>
    private static void MarkOverride(Fact fact)
    {
        if (fact.Origin == KnowledgeOrigin.Shipped)
            fact.AdminOverride = fact.Removed || KnowledgeStore.FactHash(fact) != fact.ShippedHash;
    }

    private Citation? CitationOf(Fact fact) => KnowledgeIndex.CitationFor(fact, KnowledgeBase.Current.Documents);

    private static Answer Done(Intent intent, string title, string text) => new()
    {
        Answered = true,
        Intent = intent,
        Title = title,
        Text = text,
        Confidence = 1,
    };

    private static Answer Info(Intent intent, string text) => new()
    {
        Answered = true,
        Intent = intent,
        Text = text,
        Confidence = 1,
        Private = true,
    };

    private static string Quote(string value) => value.Contains(' ', StringComparison.Ordinal) || value.Length == 0 ? $"\"{value.Replace("\"", "'", StringComparison.Ordinal)}\"" : value;

    internal static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static FollowUp UndoFollowUp(AuditEntry entry) => new($"Undo #{N(entry.Id)}", $"kb undo entry:{N(entry.Id)}");

    /// <summary>Page <paramref name="page"/> of <paramref name="items"/>, or an error naming the last page (every paged list uses it, <c>kb feedback</c> too).</summary>
    internal static List<T>? Page<T>(IReadOnlyList<T> items, int page, out int pages, out string? error)
    {
        pages = Math.Max(1, (items.Count + PageSize - 1) / PageSize);
        error = page > pages ? $"There {(pages == 1 ? "is only 1 page" : $"are only {N(pages)} pages")}." : null;
        return error is null ? items.Skip((page - 1) * PageSize).Take(PageSize).ToList() : null;
    }

    /// <summary>Previous/next page buttons that repeat the same command with its filters.</summary>
    internal static List<FollowUp> PageFollowUps(string command, int page, int pages)
    {
        var result = new List<FollowUp>();
        if (page > 1) result.Add(new FollowUp("Previous page", $"{command} page:{N(page - 1)}".Trim()));
        if (page < pages) result.Add(new FollowUp("Next page", $"{command} page:{N(page + 1)}".Trim()));
        return result;
    }
}
