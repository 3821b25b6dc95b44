using BenchmarkDotNet.Attributes;
using LmcBot.Core.Answering;

namespace LmcBot.Benchmarks;

/// <summary>Every dev question (both jsonl files) answered against the shipped knowledge; reported per question.</summary>
[Config(typeof(BenchConfig))]
public class AnswerDevQuestions
{
    /// <summary>Questions in dev-questions.jsonl plus dev-questions-breadth.jsonl (26 + 9 when written).</summary>
    public const int QuestionCount = 35;

    private ShippedKnowledge _knowledge = null!;
    private KnowledgeIndex _index = null!;
    private string[] _questions = [];
    private readonly AnswerEngine _engine = new();

    [GlobalSetup]
    public void Setup()
    {
        _knowledge = new ShippedKnowledge();
        _index = _knowledge.Index;
        _questions = [.. Repo.DevQuestions()];
        if (_questions.Length != QuestionCount)
            throw new InvalidOperationException($"expected {QuestionCount} dev questions, found {_questions.Length}: update AnswerDevQuestions.QuestionCount");
    }

    [GlobalCleanup]
    public void Cleanup() => _knowledge.Dispose();

    [Benchmark(OperationsPerInvoke = QuestionCount)]
    public int AnswerAll()
    {
        var answered = 0;
        foreach (var question in _questions)
            if (_engine.Answer(question, _index).Answered) answered++;
        return answered;
    }
}
