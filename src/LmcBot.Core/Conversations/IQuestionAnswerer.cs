using LmcBot.Core.Answering;
using LmcBot.Core.Chat;

namespace LmcBot.Core.Conversations;

/// <summary>What the conversation layer needs of the router: the knowledge as of now, and a question answered (and counted).</summary>
public interface IQuestionAnswerer
{
    /// <summary>The index questions are answered from.</summary>
    KnowledgeIndex Index { get; }

    /// <summary>The engine that answers (the "did you mean" reads its ranking of a question's candidates).</summary>
    AnswerEngine Engine { get; }

    /// <summary>Answers one self-contained question, counting a decline for <c>kb unanswered</c>.</summary>
    Answer Ask(string question, ChatPlatform platform);

    /// <summary>The answer <see cref="Ask"/> would give, without counting it anywhere: for weighing readings of a message.</summary>
    Answer Preview(string question);
}
