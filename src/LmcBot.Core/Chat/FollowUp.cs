namespace LmcBot.Core.Chat;

/// <summary>
/// A suggested next step. <see cref="Input"/> is what the bot receives when a user picks it: a
/// question or a text command (for example <c>route StarExpress</c> or <c>kb list page:2</c>).
/// </summary>
public sealed record FollowUp(string Label, string Input)
{
    public static FollowUp Ask(string question) => new(question, question);
}
