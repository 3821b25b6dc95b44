using System.Text.RegularExpressions;
using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using Xunit.Sdk;

namespace LmcBot.Testing;

/// <summary>Checks answers the way a user would: the right content, a real citation, or an honest decline.</summary>
public static class AnswerAssert
{
    public static Task AnsweredAsync(string question, params string[] expectAll)
    {
        var answer = TestBot.Shared.Ask(question, ChatPlatform.Cli);
        Answered(question, answer, expectAll);
        return Task.CompletedTask;
    }

    public static Task DeclinedAsync(string question)
    {
        var answer = TestBot.Shared.Ask(question, ChatPlatform.Cli);
        if (answer.Answered)
            throw new XunitException($"Expected a decline for \"{question}\" but got ({answer.Intent}, {answer.Confidence:0.00}): {answer.Text}");
        return Task.CompletedTask;
    }

    public static void Answered(string question, Answer answer, IEnumerable<string> expectAll, KnowledgeBase? knowledgeBase = null)
    {
        if (!answer.Answered)
            throw new XunitException($"\"{question}\" was not answered ({answer.Intent}): {answer.Text}");
        foreach (var pattern in expectAll)
            if (!Regex.IsMatch(answer.Text, pattern, RegexOptions.IgnoreCase))
                throw new XunitException($"\"{question}\": the answer lacks /{pattern}/: {answer.Text}");
        CitationsAreReal(question, answer, knowledgeBase ?? TestBot.SharedKnowledgeBase);
    }

    /// <summary>Every answered question carries a citation whose quote occurs in its document.</summary>
    public static void CitationsAreReal(string question, Answer answer, KnowledgeBase knowledgeBase)
    {
        if (answer.Citations.Count == 0)
            throw new XunitException($"\"{question}\" was answered without a citation: {answer.Text}");
        var documents = knowledgeBase.Current.AllDocuments.ToDictionary(d => d.Id);
        foreach (var citation in answer.Citations)
        {
            if (citation.DocumentId is "admin-note" or "web") continue;
            if (!documents.TryGetValue(citation.DocumentId, out var document))
                throw new XunitException($"\"{question}\" cites unknown document {citation.DocumentId}");
            if (FactValidator.FindQuote(document, citation.Quote) is null)
                throw new XunitException($"\"{question}\" cites a quote not in {citation.DocumentId}: {citation.Quote}");
        }
    }
}
