using System.Globalization;
using System.Numerics;
using System.Text.Json;
using LmcBot.Core.Chat;

namespace LmcBot.Discord.Interactions;

/// <summary>Reads an interaction's JSON into an <see cref="Interaction"/>; anything malformed is reported, not thrown.</summary>
internal static class InteractionParser
{
    private const int SubCommand = 1;
    private const int SubCommandGroup = 2;
    private const int AttachmentOption = 11;
    private static readonly BigInteger Administrator = 8;
    private static readonly BigInteger ManageGuild = 32;

    public static bool TryParse(ReadOnlySpan<byte> json, out Interaction? interaction, out string? error)
    {
        interaction = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            return TryParse(document.RootElement, out interaction, out error);
        }
        catch (JsonException ex)
        {
            error = "Malformed JSON: " + ex.Message;
            return false;
        }
    }

    public static bool TryParse(JsonElement root, out Interaction? interaction, out string? error)
    {
        interaction = null;
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
            return Fail("The interaction is not a JSON object.", out error);
        if (!root.TryGetProperty("type", out var typeElement) || !typeElement.TryGetInt32(out var typeNumber)
            || !Enum.IsDefined((InteractionType)typeNumber) || (InteractionType)typeNumber == InteractionType.ModalSubmit)
            return Fail("Unknown or missing interaction type.", out error);
        var type = (InteractionType)typeNumber;

        var id = String(root, "id");
        var token = String(root, "token");
        var applicationId = String(root, "application_id");
        if (id is null || token is null || applicationId is null)
            return Fail("The interaction lacks id, token or application_id.", out error);

        var result = new Interaction
        {
            Id = id,
            Token = token,
            ApplicationId = applicationId,
            Type = type,
            GuildId = String(root, "guild_id"),
            ChannelId = String(root, "channel_id") ?? (root.TryGetProperty("channel", out var ch) ? String(ch, "id") : null),
            Sender = ReadSender(root),
        };

        if (type is InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete)
        {
            if (!root.TryGetProperty("data", out var data) || String(data, "name") is not { } name)
                return Fail("A command interaction lacks data.name.", out error);
            var path = name;
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            string? focused = null;
            string? attachmentId = null;
            var current = data;
            // Walk data.name → group → subcommand; the leaf's options are the values.
            while (current.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                JsonElement? nested = null;
                foreach (var option in list.EnumerateArray())
                {
                    var optionName = String(option, "name");
                    if (optionName is null || !option.TryGetProperty("type", out var ot) || !ot.TryGetInt32(out var optionType))
                        return Fail("An option lacks name or type.", out error);
                    if (optionType is SubCommand or SubCommandGroup)
                    {
                        path += " " + optionName;
                        nested = option;
                        break;
                    }
                    var value = option.TryGetProperty("value", out var v) ? ValueText(v) : null;
                    if (value is null)
                        continue;
                    options[optionName] = value;
                    if (optionType == AttachmentOption)
                        attachmentId = value;
                    if (option.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True)
                        focused = optionName;
                }
                if (nested is null)
                    break;
                current = nested.Value;
            }

            result = result with
            {
                CommandPath = path,
                Options = options,
                FocusedOption = focused,
                Attachment = attachmentId is null ? null : ReadAttachment(data, attachmentId),
            };
        }
        else if (type == InteractionType.MessageComponent)
        {
            if (!root.TryGetProperty("data", out var data) || String(data, "custom_id") is not { } customId)
                return Fail("A component interaction lacks data.custom_id.", out error);
            var flags = root.TryGetProperty("message", out var message) && message.TryGetProperty("flags", out var fl)
                && fl.TryGetInt32(out var n) ? n : 0;
            result = result with { CustomId = customId, FromEphemeralMessage = (flags & 64) != 0 };
        }

        interaction = result;
        return true;
    }

    /// <summary>Manage Server or Administrator in that channel, from the decimal permission bitfield (may exceed 64 bits).</summary>
    public static bool HasManagePermission(string? permissions) =>
        permissions is not null
        && BigInteger.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
        && ((p & Administrator) != BigInteger.Zero || (p & ManageGuild) != BigInteger.Zero);

    /// <summary>A sender from a guild <c>member</c> (with user, roles, permissions) or a DM <c>user</c>.</summary>
    public static ChatSender? ReadSender(JsonElement root)
    {
        var hasMember = root.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object;
        JsonElement user;
        if (hasMember && member.TryGetProperty("user", out var memberUser))
            user = memberUser;
        else if (root.TryGetProperty("user", out var dmUser) || root.TryGetProperty("author", out dmUser))
            user = dmUser;
        else
            return null;
        if (user.ValueKind != JsonValueKind.Object || String(user, "id") is not { } userId)
            return null;

        var name = (hasMember ? String(member, "nick") : null) ?? String(user, "global_name") ?? String(user, "username") ?? userId;
        var roles = new List<string>();
        if (hasMember && member.TryGetProperty("roles", out var roleList) && roleList.ValueKind == JsonValueKind.Array)
            foreach (var role in roleList.EnumerateArray())
                if (role.ValueKind == JsonValueKind.String)
                    roles.Add(role.GetString()!);
        return new ChatSender(userId, name)
        {
            RoleIds = roles,
            HasManagePermission = hasMember && HasManagePermission(String(member, "permissions")),
        };
    }

    private static InteractionAttachment? ReadAttachment(JsonElement data, string id)
    {
        if (!data.TryGetProperty("resolved", out var resolved) || !resolved.TryGetProperty("attachments", out var attachments)
            || !attachments.TryGetProperty(id, out var a) || String(a, "url") is not { } url)
            return null;
        var size = a.TryGetProperty("size", out var s) && s.TryGetInt64(out var n) ? n : -1;
        return new InteractionAttachment(String(a, "filename") ?? "document", url, size, String(a, "content_type"));
    }

    private static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l)
            ? l.ToString(CultureInfo.InvariantCulture)
            : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    internal static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
