using LmcBot.Core.Answering;
using LmcBot.Core.Conversations;

namespace LmcBot.Fit.Evaluation;

/// <summary>
/// How the "did you mean" reads one question at every margin at once: the subjects it could mean with the ranker's
/// shares, and for each the choice it would offer (null when its question is not answered about it).
/// </summary>
public sealed class ChoiceRead
{
    private readonly Disambiguator.Reading? _reading;
    private readonly Dictionary<Disambiguator.Subject, Disambiguator.Choice?> _verified;

    private ChoiceRead(Disambiguator.Reading? reading, Dictionary<Disambiguator.Subject, Disambiguator.Choice?> verified)
    {
        _reading = reading;
        _verified = verified;
    }

    /// <summary>The subjects it could mean, best first, with their shares and the fact each choice's answer states first (null when not answered about it).</summary>
    public IReadOnlyList<SubjectRead> Subjects =>
        _reading is null ? [] : [.. _reading.Subjects.Select(s => new SubjectRead(s.Subject.Label, s.Share, _verified.GetValueOrDefault(s.Subject)?.FactId))];

    /// <summary>The label of the subject the engine's own answer is about (null when it never asks).</summary>
    public string? Answered => _reading?.Answered.Label;

    /// <summary>The fact ids the offered choices' answers state first, at <paramref name="margin"/> (empty when it does not ask).</summary>
    public IReadOnlyList<string> Offered(double margin) => [.. Choices(margin).Select(c => c.FactId)];

    /// <summary>The choices offered at <paramref name="margin"/> (empty when it does not ask).</summary>
    internal IReadOnlyList<Disambiguator.Choice> Choices(double margin) => Disambiguator.Choices(_reading, margin, s => _verified.GetValueOrDefault(s));

    public bool Asks(double margin) => Offered(margin).Count > 0;

    /// <summary>
    /// Reads <paramref name="question"/> as the bot would: the engine's answer, then the disambiguator's subjects, the
    /// choice of each that any margin could offer checked once (the first three).
    /// </summary>
    internal static ChoiceRead Of(string question, AnswerEngine engine, KnowledgeIndex index)
    {
        var answer = engine.Answer(question, index);
        var reading = Disambiguator.Read(question, answer, engine, index);
        var verified = (reading?.Offered(double.PositiveInfinity) ?? []).ToDictionary(s => s, s => Disambiguator.Verified(question, s, engine, index));
        return new ChoiceRead(reading, verified);
    }

    /// <summary>A subject with its share, and the fact its choice's answer states first (null when that question is not answered about it or was not asked).</summary>
    public sealed record SubjectRead(string Label, double Share, string? ChoiceFactId);
}
