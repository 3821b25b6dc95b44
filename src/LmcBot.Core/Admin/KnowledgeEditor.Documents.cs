using System.Globalization;
using System.Text.RegularExpressions;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Admin;

public sealed partial class KnowledgeEditor
{
    private Answer Import(Input input, ChatRequest request)
    {
        var intent = Intent.KbImport;
        var attachment = request.Attachment;
        var pasted = input.All.TryGetValue("text", out var t) && !string.IsNullOrWhiteSpace(t) ? t : null;
        if (attachment is not null && pasted is not null)
            return Answer.Error(intent, ErrorKind.Invalid, "Give the document either as a file or as text:, not both.");
        if (attachment is null && pasted is null)
            return Answer.Error(intent, ErrorKind.Invalid, input["file"] is not null
                ? "The attached file did not reach me. Attach the .md or .txt file again."
                : "kb import needs a document: attach a .md or .txt file (file:), or paste the text with text:\"…\".");
        var fileName = attachment?.FileName ?? "the pasted text";
        var raw = attachment?.Text ?? pasted!;
        if (DocumentText.Problem(fileName, raw) is { } problem) return Answer.Error(intent, ErrorKind.Invalid, problem + " Nothing was imported.");

        var parsed = MarkdownDocumentParser.Parse(raw, fileName, KnowledgeOrigin.Admin, requireFrontMatter: false);
        if (parsed.Errors.Count > 0)
            return Answer.Error(intent, ErrorKind.Invalid, $"{fileName} could not be imported:\n" + string.Join("\n", parsed.Errors.Take(5).Select(e => "- " + e))
                + (parsed.Errors.Count > 5 ? $"\n- … and {N(parsed.Errors.Count - 5)} more" : ""));
        var document = parsed.Document!;
        var title = input["title"] ?? NonEmpty(document.Title) ?? FirstHeading(document.Body)
            ?? (attachment is null ? null : Path.GetFileNameWithoutExtension(attachment.FileName).Replace('_', ' ').Replace('-', ' ').Trim())
            ?? AuditText.Shorten(document.Paragraphs()[0].Text, 80);
        if (string.IsNullOrWhiteSpace(title)) title = AuditText.Shorten(document.Paragraphs()[0].Text, 80);
        var id = input["id"] ?? NonEmpty(document.Id) ?? NonEmpty(FactBuilder.Slug(title, 60))
            ?? NonEmpty(FactBuilder.Slug(Path.GetFileNameWithoutExtension(fileName), 60)) ?? "document-" + document.ContentHash[..8].ToLowerInvariant();
        if (!FactValidator.IsValidId(id))
            return Answer.Error(intent, ErrorKind.Invalid, $"The document id '{id}' is not valid: use 1-80 lowercase letters, digits and hyphens (id:my-article).");
        var url = input["url"] ?? document.Url;
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            return Answer.Error(intent, ErrorKind.Invalid, $"The url '{url}' is not an absolute http(s) address. Nothing was imported.");
        var actor = AdminActor.From(request);
        document.Id = id;
        document.Title = title.Trim();
        document.Url = url;
        document.Note ??= string.Create(CultureInfo.InvariantCulture, $"Imported by {actor.Name} on {actor.Platform}, {Store.Now:yyyy-MM-dd}.");
        document.ContentHash = MarkdownDocumentParser.Hash(string.Join('\u001F', document.ContentHash, id, document.Title, url ?? ""));

        string? backup = null;
        var existing = Store.Read(s => s.Documents.FindById(id));
        if (existing is not null && !(existing.Origin == KnowledgeOrigin.Admin && existing.ContentHash == document.ContentHash))
        {
            backup = Backup("import", out var backupError);
            if (backupError is not null) return Answer.Error(intent, ErrorKind.Internal, backupError);
        }
        // The sentences' vectors are computed before the write (the model may run) and stored in it.
        var vectors = Store.PrepareVectors(SentenceRecord.FromDocument(document).Select(x => DenseText.ForSentence(x.Text)), _progress);
        var outcome = Apply((s, now) =>
        {
            var before = s.Documents.FindById(id);
            if (before is { Origin: KnowledgeOrigin.Admin } && before.ContentHash == document.ContentHash)
                return Outcome.Nothing($"Document {id} is already imported with this text; nothing changed.");
            document.UpdatedAt = now;
            if (ReplaceDocument(s, id, document) is { } replaceProblem)
                return Outcome.Fail($"{fileName} was not imported: {replaceProblem}.");
            s.PutVectors(vectors);
            var entry = actor.Entry(now, "import", "document", id);
            entry.DocumentBefore = before;
            entry.DocumentAfter = document;
            return Outcome.Done(entry);
        });
        if (outcome.Error is { } error) return Answer.Error(intent, ErrorKind.Invalid, error);
        if (outcome.Info is { } info) return Info(intent, info);
        AfterChange();
        var entry = outcome.Entry!;
        var paragraphs = document.Paragraphs();
        var sentences = SentenceRecord.FromDocument(document);
        var replaced = entry.DocumentBefore is { } old
            ? $" It replaces the earlier {(old.Origin == KnowledgeOrigin.Admin ? "import" : "shipped version")} of {id}{(backup is null ? "" : $"; a backup of the database was taken first ({Path.GetFileName(backup)})")}."
            : "";
        return Done(intent, "Document imported",
            $"Imported \"{document.Title}\" as {id}: {N(paragraphs.Count)} paragraphs, {N(sentences.Count)} sentences, answerable now with citations to it.{replaced}") with
        {
            Fields =
            [
                new("Id", id), new("Title", document.Title), new("Paragraphs", N(paragraphs.Count)), new("Sentences", N(sentences.Count)),
                new("Source", document.Url ?? "none given (grade " + document.Grade + ")"), new("Audit entry", $"#{N(entry.Id)}"),
            ],
            FollowUps = [new FollowUp("History", $"kb history id:{id}"), UndoFollowUp(entry)],
        };
    }

    /// <summary>
    /// Sets (or, given null, deletes) a document with its indexed sentences. Refused when a fact that is in use cites
    /// the document and its quote would no longer be found there.
    /// </summary>
    private static string? ReplaceDocument(KnowledgeStore s, string id, KnowledgeDocument? document)
    {
        var citing = s.Facts.Find(f => f.DocumentId == id).Where(f => !f.Removed).ToList();
        if (document is null)
        {
            if (citing.Count > 0)
                return $"facts cite document {id} ({AnswerFormatting.JoinAnd(citing.Select(f => f.Id).Take(5).ToList())}); remove them first";
            s.Documents.Delete(id);
            s.Sentences.DeleteMany(x => x.DocumentId == id);
            return null;
        }
        var broken = citing.Where(f => f.Quote is null || FactValidator.FindQuote(document, f.Quote) is null).Select(f => f.Id).ToList();
        if (broken.Count > 0)
            return $"the new text lacks the quotes of {AnswerFormatting.JoinAnd(broken.Take(5).ToList())}{(broken.Count > 5 ? " and others" : "")}, which cite document {id}; keep those words in the text, or edit or remove those facts first";
        s.Documents.Upsert(document);
        s.Sentences.DeleteMany(x => x.DocumentId == id);
        s.Sentences.InsertBulk(SentenceRecord.FromDocument(document));
        return null;
    }

    private Answer Export()
    {
        var intent = Intent.KbExport;
        var content = Store.ReadAll();
        var now = Store.Now;
        var files = KnowledgeFolderWriter.Files(content, now);
        var problems = CheckExport(files);
        var zip = KnowledgeFolderWriter.Zip(files, now, ExportedVectors(content));
        var facts = content.Facts.Where(f => !f.Removed).ToList();
        var text = $"The whole knowledge base in the knowledge/ file format: {N(content.Documents.Count)} documents ({N(content.Documents.Count(d => d.Origin == KnowledgeOrigin.Admin))} imported), "
            + $"{N(facts.Count)} facts ({N(facts.Count(f => f.Origin == KnowledgeOrigin.Admin || f.AdminOverride))} added or changed by admins; removed ones left out) and the names they use. "
            + "Unzip it over a knowledge/ folder and run LmcBot ingest to load it into another database.";
        if (problems.Count > 0)
            text += $"\nWarning: reading the export back reports {N(problems.Count)} problem(s), so it will not ingest as it is:\n" + string.Join("\n", problems.Take(5).Select(p => "- " + p));
        return new Answer
        {
            Answered = true,
            Intent = intent,
            Confidence = 1,
            Private = true,
            Title = "Knowledge base export",
            Text = text,
            Fields = [new("Files", N(files.Count)), new("Documents", N(content.Documents.Count)), new("Facts", N(facts.Count))],
            File = new AnswerFile(string.Create(CultureInfo.InvariantCulture, $"lmcbot-knowledge-{now:yyyyMMdd-HHmm}.zip"), "application/zip", zip),
        };
    }

    /// <summary>
    /// The vectors of what the export holds (facts in use, every sentence) as <c>vectors/{model}.bin</c>, so ingesting
    /// the export elsewhere takes them by hash instead of running the sentence model on every text.
    /// </summary>
    private static Dictionary<string, byte[]> ExportedVectors(KnowledgeContent content)
    {
        if (content.Vectors is not { } vectors) return [];
        var used = KnowledgeText.ForKnowledge(content.Facts.Where(f => !f.Removed), content.Sentences)
            .Select(t => DenseText.Hash(vectors.ModelId, t)).Where(vectors.ByHash.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var subset = vectors with { ByHash = used.ToDictionary(h => h, h => vectors.ByHash[h], StringComparer.Ordinal) };
        return new() { [$"{VectorFile.Folder}/{vectors.ModelId}.bin"] = VectorFile.Bytes(subset) };
    }

    /// <summary>Reads the export back the way ingest would, so an export that would not load says so.</summary>
    private static List<string> CheckExport(IReadOnlyDictionary<string, string> files)
    {
        var root = Path.Combine(Path.GetTempPath(), "lmcbot-export-check", Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, "knowledge");
        try
        {
            KnowledgeFolderWriter.Write(files, folder);
            KnowledgeBase.ReadFolder(folder);
            return [];
        }
        catch (KnowledgeValidationException ex)
        {
            return ex.Errors.Select(e => e.ToString()).ToList();
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? FirstHeading(string body) =>
        Regex.Match(body, @"^#{1,6}[ \t]+(.+?)[ \t#]*$", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
}
