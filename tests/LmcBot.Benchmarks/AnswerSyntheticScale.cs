using BenchmarkDotNet.Attributes;
using LmcBot.Core.Answering;

namespace LmcBot.Benchmarks;

/// <summary>
/// A fixed mix of 50 questions against a synthetic knowledge base of 1,000, 10,000 and 100,000 facts
/// with 20,000 document sentences, built in memory; reported per question.
/// </summary>
[Config(typeof(BenchConfig))]
public class AnswerSyntheticScale
{
    public const int QuestionCount = 50;

    private KnowledgeIndex _index = null!;
    private string[] _questions = [];
    private readonly AnswerEngine _engine = new();

    [Params(1000, 10000, 100000)]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var synthetic = SyntheticKnowledge.Generate(Facts);
        _questions = [.. synthetic.Questions];
        if (_questions.Length != QuestionCount)
            throw new InvalidOperationException($"expected {QuestionCount} questions, generated {_questions.Length}");
        _index = KnowledgeIndex.Build(synthetic.Content);
    }

    [Benchmark(OperationsPerInvoke = QuestionCount)]
    public int AnswerMix()
    {
        var answered = 0;
        foreach (var question in _questions)
            if (_engine.Answer(question, _index).Answered) answered++;
        return answered;
    }
}
