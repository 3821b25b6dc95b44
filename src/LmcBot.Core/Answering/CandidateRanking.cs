namespace LmcBot.Core.Answering;

/// <summary>
/// How the pipeline ranked one question's candidates: the question as read, its candidates best first, and each one's
/// share of the ranker's softmax over all of them (<see cref="RankFeatures.Shares"/>). "Did you mean" reads it.
/// </summary>
internal sealed record CandidateRanking(QuestionAnalysis Question, IReadOnlyList<Candidate> Ranked, IReadOnlyList<double> Shares);
