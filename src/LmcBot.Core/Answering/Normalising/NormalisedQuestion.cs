namespace LmcBot.Core.Answering.Normalising;

/// <summary>Stage 1's result: the question cleaned (control characters and lone surrogates gone, length bounded) and folded.</summary>
/// <param name="Raw">The cleaned question as written (capitals kept: unknown names are read from them).</param>
/// <param name="Folded">NFKC, lower case, Latin diacritics and punctuation folded (<see cref="Text.TextFolding.Fold"/>).</param>
internal sealed record NormalisedQuestion(string Raw, string Folded);
