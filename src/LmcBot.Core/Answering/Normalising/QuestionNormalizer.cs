using LmcBot.Core.Text;

namespace LmcBot.Core.Answering.Normalising;

/// <summary>Stage 1, normalise: Unicode NFKC, case, diacritics, punctuation; nothing about the knowledge base.</summary>
internal static class QuestionNormalizer
{
    public static NormalisedQuestion Normalise(string question)
    {
        var raw = TextFolding.Sanitize(question);
        if (raw.Length > TextFolding.MaxAnalysedLength) raw = raw[..TextFolding.MaxAnalysedLength];
        return new NormalisedQuestion(raw, TextFolding.Fold(raw));
    }
}
