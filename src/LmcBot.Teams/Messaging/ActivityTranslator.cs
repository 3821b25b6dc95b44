using System.Text.Json;
using LmcBot.Core.Chat;
using LmcBot.Teams.Activities;
using LmcBot.Teams.Rendering;

namespace LmcBot.Teams.Messaging;

/// <summary>
/// Turns a Teams message into the neutral <see cref="ChatRequest"/>, or decides it is not for the
/// bot. Personal chat: every text. Channels and group chats: only text that @mentions the bot,
/// with that mention (and only that one) removed; a bare mention is empty text, which the core
/// answers with help. A card button: the input its <c>cmd</c> names.
/// </summary>
internal static class ActivityTranslator
{
    public static ChatRequest? ToChatRequest(InboundActivity activity)
    {
        var text = CardSubmitInput(activity) ?? QuestionText(activity);
        if (text is null)
            return null;
        return new ChatRequest
        {
            Platform = ChatPlatform.Teams,
            Sender = Sender(activity),
            ScopeId = activity.TenantId,
            ConversationId = activity.Conversation?.Id,
            Text = text,
        };
    }

    public static ChatSender Sender(InboundActivity activity) =>
        new(activity.From?.Id ?? "", activity.From?.Name ?? "")
        {
            DirectoryObjectId = activity.From?.AadObjectId,
        };

    public static bool IsPersonal(ConversationAccount? conversation) =>
        conversation?.ConversationType is { } type
            ? string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase)
            : conversation?.IsGroup != true;

    /// <summary>
    /// Why an activity cannot be read, or null. The typed fields were checked by the deserialiser; this checks what it
    /// lets through: null items in lists, and the free-form <c>value.cmd</c>, whose text may not be valid UTF-8 or UTF-16.
    /// </summary>
    public static string? Malformed(InboundActivity activity)
    {
        if (Overlong(activity) is { } field)
            return $"{field} is longer than {MaxEchoedLength} characters.";
        // The deserialiser admits null items in lists the translator walks.
        if (activity.Entities?.Contains(null!) == true)
            return "entities holds a null item.";
        if (activity.MembersAdded?.Contains(null!) == true)
            return "membersAdded holds a null item.";
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty(SubmitData.CommandProperty, out var command)
            || command.ValueKind != JsonValueKind.String)
            return null;
        try
        {
            _ = command.GetString();
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString refuses invalid UTF-8 and unpaired surrogate escapes such as \ud800.
            return $"value.{SubmitData.CommandProperty} is not valid UTF-8 text.";
        }
    }

    /// <summary>
    /// The longest id or name the reply may echo back. Recorded Teams ids are under 200 characters (a channel thread id
    /// with <c>;messageid=</c> is about 90); without a bound, a few 10 KB ids left no room for any card in the 28 KB
    /// activity limit and the turn failed after the 200.
    /// </summary>
    internal const int MaxEchoedLength = 1024;

    /// <summary>The first field the reply envelope copies that is over <see cref="MaxEchoedLength"/>, or null.</summary>
    private static string? Overlong(InboundActivity activity)
    {
        (string Name, string? Value)[] echoed =
        [
            ("id", activity.Id), ("replyToId", activity.ReplyToId), ("serviceUrl", activity.ServiceUrl),
            ("from.id", activity.From?.Id), ("from.name", activity.From?.Name), ("from.aadObjectId", activity.From?.AadObjectId),
            ("recipient.id", activity.Recipient?.Id), ("recipient.name", activity.Recipient?.Name),
            ("conversation.id", activity.Conversation?.Id), ("conversation.name", activity.Conversation?.Name),
            ("conversation.tenantId", activity.Conversation?.TenantId), ("conversation.conversationType", activity.Conversation?.ConversationType),
        ];
        return echoed.FirstOrDefault(f => f.Value?.Length > MaxEchoedLength).Name;
    }

    /// <summary>A card submit: <c>value</c> set with our <c>cmd</c>, and no typed text (checked by <see cref="Malformed"/>).</summary>
    private static string? CardSubmitInput(InboundActivity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text)
            || activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty(SubmitData.CommandProperty, out var command)
            || command.ValueKind != JsonValueKind.String)
            return null;
        return command.GetString() is { } input && !string.IsNullOrWhiteSpace(input) ? input.Trim() : null;
    }

    private static string? QuestionText(InboundActivity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Text))
            return null;
        if (!IsPersonal(activity.Conversation) && !MentionsBot(activity))
            return null;
        // A bare mention leaves empty text, which the core answers with help.
        return RemoveBotMentions(activity.Text, activity).Trim();
    }

    private static bool MentionsBot(InboundActivity activity) => BotMentions(activity).Any();

    /// <summary>Removes each mention of the bot as its entity spells it, ignoring case; other people's mentions stay.</summary>
    internal static string RemoveBotMentions(string text, InboundActivity activity)
    {
        foreach (var mention in BotMentions(activity))
        {
            var spelled = mention.Text is { Length: > 0 } entityText ? entityText
                : mention.Mentioned?.Name is { Length: > 0 } name ? $"<at>{name}</at>"
                : null;
            if (spelled is not null)
                text = text.Replace(spelled, "", StringComparison.OrdinalIgnoreCase);
        }
        return text;
    }

    private static IEnumerable<ActivityEntity> BotMentions(InboundActivity activity)
    {
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || activity.Entities is null)
            return [];
        return activity.Entities.Where(e =>
            string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase)
            && string.Equals(e.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True for a conversationUpdate whose membersAdded holds the bot itself.</summary>
    public static bool BotWasAdded(InboundActivity activity) =>
        activity.Recipient?.Id is { Length: > 0 } botId
        && activity.MembersAdded?.Any(m => string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase)) == true;
}
