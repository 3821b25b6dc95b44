using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Admin;

public sealed partial class KnowledgeEditor
{
    /// <summary>Fields of every fact an admin may edit besides the typed fields of its kind.</summary>
    private static readonly string[] CommonFields = ["statement", "quote", "document", "url", "admin_note", "about", "keywords", "claim"];

    /// <summary>The value that clears an optional field in <c>kb edit</c>.</summary>
    public const string ClearValue = "-";

    private Answer Add(string kindName, IEnumerable<string> optionNames, Input input, ChatRequest request)
    {
        var intent = Intent.KbAdd;
        if (FactKind.Find(kindName) is null)
            return Answer.Error(intent, ErrorKind.Usage, $"Unknown fact kind '{kindName}'. Kinds: {string.Join(", ", FactKind.All.Select(k => k.Name))}.");
        var index = KnowledgeBase.Current;
        var renamed = new List<string>();
        var fact = FactBuilder.FromOptions(kindName, optionNames, input.All, index, renamed, out var problem);
        if (fact is null) return Answer.Error(intent, ErrorKind.Invalid, problem!);
        var explicitId = input["id"];
        if (explicitId is not null && !FactValidator.IsValidId(explicitId))
            return Answer.Error(intent, ErrorKind.Invalid, $"The id '{explicitId}' is not valid: use 1-80 lowercase letters, digits and hyphens, for example nanning-vientiane-friendship.");

        var actor = AdminActor.From(request);
        var vectors = Store.PrepareVectors([KnowledgeText.ForFact(fact)]);
        var outcome = Apply((s, now) =>
        {
            if (explicitId is not null && s.Facts.FindById(explicitId) is { } clash)
                return Outcome.Fail(clash.Removed
                    ? $"A removed fact already has the id '{explicitId}'. Restore it (kb restore id:{explicitId}) or choose another id."
                    : $"A fact with the id '{explicitId}' already exists (kb show id:{explicitId}). Choose another id or edit that fact.");
            fact.Id = explicitId ?? FactBuilder.NewId(fact, id => s.Facts.FindById(id) is not null);
            var kind = fact.Kind;
            if (s.Facts.Find(f => f.Kind == kind).FirstOrDefault(f => !f.Removed && SameContent(f, fact, index)) is { } duplicate)
                return Outcome.Fail($"This fact is already in the knowledge base as '{duplicate.Id}': {duplicate.Statement} Nothing was added (kb show id:{duplicate.Id}).");
            var errors = Validate(fact, s);
            if (errors.Count > 0) return Outcome.Fail(Problems("The fact was not added", errors));
            fact.Origin = KnowledgeOrigin.Admin;
            fact.Version = 1;
            fact.UpdatedAt = now;
            s.Facts.Insert(fact);
            s.PutVectors(vectors);
            var entry = actor.Entry(now, "add", "fact", fact.Id);
            entry.FactAfter = fact;
            return Outcome.Done(entry);
        });
        if (outcome.Error is { } error) return Answer.Error(intent, ErrorKind.Invalid, error);
        AfterChange();
        var entry = outcome.Entry!;
        var notes = new List<string>();
        if (renamed.Count > 0) notes.Add($"Names as the knowledge base spells them: {string.Join(", ", renamed)}.");
        notes.Add(SourceNote(fact));
        return Done(intent, "Fact added", $"Added {fact.Id} (version 1): {fact.Statement} {string.Join(" ", notes)}".Trim()) with
        {
            Fields = [new("Id", fact.Id), new("Kind", fact.Kind), .. FieldRows(fact), new("Cites", AuditText.Source(fact)), new("Audit entry", $"#{N(entry.Id)}")],
            Citations = CitationOf(fact) is { } citation ? [citation] : [],
            FollowUps = [new FollowUp("Show it", $"kb show id:{fact.Id}"), UndoFollowUp(entry)],
        };
    }

    private Answer Edit(Input input, ChatRequest request)
    {
        var intent = Intent.KbEdit;
        var id = input["id"];
        var field = input["field"]?.ToLowerInvariant().Replace('-', '_');
        var value = input["value"];
        if (id is null || field is null || value is null)
            return Answer.Error(intent, ErrorKind.Invalid, "kb edit needs id:, field: and value:, for example kb edit id:starexpress-route field:launched value:2024-09-24.");
        var version = input.Integer("version", 1, out var versionError);
        if (versionError is not null) return Answer.Error(intent, ErrorKind.Invalid, versionError);
        if (field is "id" or "kind")
            return Answer.Error(intent, ErrorKind.Invalid, $"The {field} of a fact cannot be changed. Add a new fact and remove this one.");

        var index = KnowledgeBase.Current;
        var renamed = new List<string>();
        var actor = AdminActor.From(request);
        string? statementNote = null;
        // The edited fact's vector is computed before the write (the model may run); the write recomputes the edit
        // from the fact as it then is, and a vector that no longer fits is filled in by the refresh after it.
        var vectors = Store.Read(s => s.Facts.FindById(id)) is { Removed: false } seen
            && Edited(seen, field, value, index, [], out _, out _) is { } preview
            ? Store.PrepareVectors([KnowledgeText.ForFact(preview)]) : new Dictionary<string, float[]>();
        var outcome = Apply((s, now) =>
        {
            var current = s.Facts.FindById(id);
            if (current is null) return Outcome.Fail(UnknownFact(id, s));
            if (version is { } seen && current.Version != seen)
                return Outcome.Fail($"Fact {id} changed since version {N(seen)} (now {N(current.Version)}); show it again (kb show id:{id}) and retry with version:{N(current.Version)}.");
            if (current.Removed)
                return Outcome.Fail($"Fact {id} is removed. Restore it first (kb restore id:{id}).");
            var updated = Edited(current, field, value, index, renamed, out var fieldError, out statementNote);
            if (updated is null) return Outcome.Fail(fieldError!);
            if (KnowledgeStore.FactHash(updated) == KnowledgeStore.FactHash(current))
                return Outcome.Nothing($"Fact {id} already has that {field}; nothing changed.");
            var errors = Validate(updated, s);
            if (errors.Count > 0) return Outcome.Fail(Problems($"Fact {id} was not changed", errors));
            updated.Version = current.Version + 1;
            updated.UpdatedAt = now;
            MarkOverride(updated);
            s.Facts.Update(updated);
            s.PutVectors(vectors);
            var entry = actor.Entry(now, "edit", "fact", id);
            entry.FactBefore = current;
            entry.FactAfter = updated;
            entry.Note = $"field {field}";
            return Outcome.Done(entry);
        });
        if (outcome.Error is { } error) return Answer.Error(intent, ErrorKind.Invalid, error);
        if (outcome.Info is { } info) return Info(intent, info);
        AfterChange();
        var entry = outcome.Entry!;
        var after = entry.FactAfter!;
        var notes = new List<string>();
        if (renamed.Count > 0) notes.Add($"Names as the knowledge base spells them: {string.Join(", ", renamed)}.");
        if (statementNote is not null) notes.Add(statementNote);
        if (field is "document" or "url" or "admin_note" or "quote") notes.Add(SourceNote(after));
        return Done(intent, "Fact changed", $"Changed {id} to version {N(after.Version)}: {AuditText.Changes(entry.FactBefore, after)}. {string.Join(" ", notes)}".Trim()) with
        {
            Fields = [new("Statement", after.Statement), new("Version", N(after.Version)), new("Audit entry", $"#{N(entry.Id)}")],
            Citations = CitationOf(after) is { } citation ? [citation] : [],
            FollowUps = [new FollowUp("Show it", $"kb show id:{id}"), UndoFollowUp(entry)],
        };
    }

    private Answer Remove(Input input, ChatRequest request)
    {
        var intent = Intent.KbRemove;
        if (input["id"] is not { } id) return Answer.Error(intent, ErrorKind.Invalid, "kb remove needs id: (find ids with kb list).");
        var version = input.Integer("version", 1, out var versionError);
        if (versionError is not null) return Answer.Error(intent, ErrorKind.Invalid, versionError);
        if (Store.Read(s => s.Facts.FindById(id)) is not { Removed: false })
            return SetRemoved(intent, id, version, removed: true, request, backup: null);
        var backup = Backup("remove", out var backupError);
        return backupError is not null ? Answer.Error(intent, ErrorKind.Internal, backupError) : SetRemoved(intent, id, version, removed: true, request, backup);
    }

    private Answer Restore(Input input, ChatRequest request) =>
        input["id"] is { } id
            ? SetRemoved(Intent.KbRestore, id, version: null, removed: false, request, backup: null)
            : Answer.Error(Intent.KbRestore, ErrorKind.Invalid, "kb restore needs id: (kb history shows removed facts).");

    /// <summary>Remove is soft (the fact stays, marked removed), so restore and undo can bring it back.</summary>
    private Answer SetRemoved(Intent intent, string id, int? version, bool removed, ChatRequest request, string? backup)
    {
        var actor = AdminActor.From(request);
        var outcome = Apply((s, now) =>
        {
            var current = s.Facts.FindById(id);
            if (current is null) return Outcome.Fail(UnknownFact(id, s));
            if (version is { } seen && current.Version != seen)
                return Outcome.Fail($"Fact {id} changed since version {N(seen)} (now {N(current.Version)}); show it again (kb show id:{id}) and retry.");
            if (current.Removed == removed)
                return Outcome.Nothing(removed ? $"Fact {id} is already removed; nothing changed. Bring it back with kb restore id:{id}." : $"Fact {id} is not removed; nothing changed.");
            var updated = current.Clone();
            updated.Removed = removed;
            if (!removed && Validate(updated, s) is { Count: > 0 } errors)
                return Outcome.Fail(Problems($"Fact {id} cannot be restored", errors));
            updated.Version = current.Version + 1;
            updated.UpdatedAt = now;
            MarkOverride(updated);
            s.Facts.Update(updated);
            var entry = actor.Entry(now, removed ? "remove" : "restore", "fact", id);
            entry.FactBefore = current;
            entry.FactAfter = updated;
            return Outcome.Done(entry);
        });
        if (outcome.Error is { } error) return Answer.Error(intent, ErrorKind.Invalid, error);
        if (outcome.Info is { } info) return Info(intent, info);
        AfterChange();
        var entry = outcome.Entry!;
        var fact = entry.FactAfter!;
        var text = removed
            ? $"Removed {id} (version {N(fact.Version)}); it is no longer used in answers. Bring it back with kb restore id:{id} or kb undo."
            : $"Restored {id} (version {N(fact.Version)}); it is used in answers again: {fact.Statement}";
        if (backup is not null) text += $" A backup of the database was taken first ({Path.GetFileName(backup)}).";
        return Done(intent, removed ? "Fact removed" : "Fact restored", text) with
        {
            Fields = [new("Statement", fact.Statement), new("Version", N(fact.Version)), new("Audit entry", $"#{N(entry.Id)}")],
            FollowUps = [removed ? new FollowUp("Restore it", $"kb restore id:{id}") : new FollowUp("Show it", $"kb show id:{id}"), UndoFollowUp(entry)],
        };
    }

    /// <summary>
    /// <paramref name="current"/> with one field set from <c>kb edit</c> text, its statement regenerated when it was the
    /// generated one (else <paramref name="statementNote"/> says it was kept); null with <paramref name="error"/> when the edit is invalid.
    /// </summary>
    private static Fact? Edited(Fact current, string field, string value, Answering.KnowledgeIndex index, List<string> renamed,
        out string? error, out string? statementNote)
    {
        statementNote = null;
        var updated = current.Clone();
        error = SetField(updated, field, value, index, renamed);
        if (error is not null) return null;
        var kindField = FactKind.Find(updated.Kind)?.Field(field) is not null;
        if (kindField && FactBuilder.Statement(current, index) is { } generated && generated == current.Statement)
            updated.Statement = FactBuilder.Statement(updated, index) ?? updated.Statement;
        else if (kindField)
            statementNote = $"The statement was kept as it is: \"{updated.Statement}\" Change it too if it no longer fits (kb edit id:{current.Id} field:statement value:\"…\").";
        return updated;
    }

    /// <summary>Sets one field from <c>kb edit</c> text; an error names what is wrong and what fields exist.</summary>
    private static string? SetField(Fact fact, string field, string value, Answering.KnowledgeIndex index, List<string> renamed)
    {
        var clear = value == ClearValue;
        string? Text() => clear ? null : value;
        List<string> Names() => clear ? [] : value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        switch (field)
        {
            case "statement":
                if (clear) return "The statement cannot be empty: it is the answer.";
                fact.Statement = value;
                return null;
            case "quote":
                fact.Quote = Text();
                return null;
            case "document":
                fact.DocumentId = Text();
                if (!clear) { fact.SourceUrl = null; fact.AdminNote = false; }
                return null;
            case "url":
                fact.SourceUrl = Text();
                if (!clear) { fact.DocumentId = null; fact.AdminNote = false; }
                return null;
            case "admin_note":
                if (value is not ("true" or "false")) return "admin_note takes true or false.";
                fact.AdminNote = value == "true";
                if (fact.AdminNote) { fact.DocumentId = null; fact.SourceUrl = null; }
                return null;
            case "about":
                fact.About = Names().Select(n => FactBuilder.CanonicalName(n, index, renamed)).ToList();
                return null;
            case "keywords":
                fact.Keywords = Names();
                return null;
            case "claim":
                fact.Claim = Text();
                return null;
        }
        var kind = FactKind.Find(fact.Kind);
        var typed = kind?.Field(field);
        if (kind is null || typed is null)
            return $"A {fact.Kind} fact has no field '{field}'. Fields you can edit: {string.Join(", ", CommonFields.Concat(kind?.Fields.Select(f => f.Name) ?? []))}.";
        if (clear) fact.Fields.Remove(field);
        else fact.Fields[field] = FactBuilder.FieldValues(typed, value, index, renamed);
        return null;
    }

    /// <summary>
    /// Whether a new fact says what <paramref name="existing"/> says: the same typed fields, and for a kind whose
    /// statement is written by the admin (a note) the same statement too, since there the text is the fact.
    /// </summary>
    private static bool SameContent(Fact existing, Fact added, Answering.KnowledgeIndex index) =>
        SameFields(existing, added)
        && (FactBuilder.Statement(added, index) is not null || SameText(existing.Statement, added.Statement));

    /// <summary>Equal ignoring case, surrounding spaces, runs of spaces and a final full stop.</summary>
    private static bool SameText(string a, string b)
    {
        static string Normal(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        return string.Equals(Normal(a), Normal(b), StringComparison.OrdinalIgnoreCase);
    }

    private static bool SameFields(Fact a, Fact b) =>
        a.Fields.Count == b.Fields.Count
        && a.Fields.All(p => b.Fields.TryGetValue(p.Key, out var other)
            && p.Value.Select(v => v.Trim()).SequenceEqual(other.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase));

    /// <summary>How the fact's source will show in answers.</summary>
    private static string SourceNote(Fact fact) =>
        fact.AdminNote ? "It has no source and shows as an unsourced admin note."
        : fact.SourceUrl is { Length: > 0 } url ? $"Its quote cannot be checked against a stored document, so it shows as a web source ({url})."
        : $"Its quote was found in document {fact.DocumentId}.";

    private static IEnumerable<AnswerField> FieldRows(Fact fact)
    {
        var kind = FactKind.Find(fact.Kind);
        if (kind is null) yield break;
        foreach (var field in kind.Fields)
            if (fact.GetList(field.Name) is { Count: > 0 } values)
                yield return new AnswerField(field.Label, string.Join(field.Name == "stops" ? " → " : ", ", values));
    }

    private static string Problems(string lead, List<string> errors) =>
        errors.Count == 1 ? $"{lead}: {errors[0]}." : $"{lead}:\n" + string.Join("\n", errors.Select(e => "- " + e));

    /// <summary>"There is no fact 'x'" with the closest ids, so a typo is one click from fixed.</summary>
    private static string UnknownFact(string id, KnowledgeStore s)
    {
        var key = Text.TextFolding.Compact(id);
        var max = Math.Max(2, key.Length / 4);
        var close = s.Facts.FindAll().Select(f => f.Id)
            .Select(other => (Id: other, Distance: Text.Levenshtein.Distance(Text.TextFolding.Compact(other), key, max)))
            .Where(x => x.Id.Contains(id, StringComparison.OrdinalIgnoreCase) || x.Distance <= max)
            .OrderBy(x => x.Distance).ThenBy(x => x.Id, StringComparer.Ordinal).Take(3).Select(x => x.Id).ToList();
        return $"There is no fact '{id}'." + (close.Count > 0 ? $" Did you mean {string.Join(", ", close)}?" : " Find ids with kb list kind:… or kb list text:….");
    }
}
