using System.Globalization;
using System.Numerics;
using System.Text.Json;
using LmcBot.Core.Chat;
using LmcBot.Discord.Commands;

namespace LmcBot.Discord.Interactions;

/// <summary>Reads an interaction's JSON into an <see cref="Interaction"/>; anything malformed is reported, not thrown.</summary>
internal static class InteractionParser
{
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
        try
        {
            interaction = Read(root);
            return true;
        }
        catch (MalformedPayloadException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static Interaction Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new MalformedPayloadException("The interaction is not a JSON object.");
        if (DiscordJson.Int32(root, "type") is not { } typeNumber
            || !Enum.IsDefined((InteractionType)typeNumber) || (InteractionType)typeNumber == InteractionType.ModalSubmit)
            throw new MalformedPayloadException("Unknown or missing interaction 'type'.");
        var type = (InteractionType)typeNumber;

        var id = DiscordJson.String(root, "id");
        var token = DiscordJson.String(root, "token");
        var applicationId = DiscordJson.String(root, "application_id");
        if (id is null || token is null || applicationId is null)
            throw new MalformedPayloadException("The interaction lacks 'id', 'token' or 'application_id'.");

        var result = new Interaction
        {
            Id = id,
            Token = token,
            ApplicationId = applicationId,
            Type = type,
            GuildId = DiscordJson.String(root, "guild_id"),
            ChannelId = DiscordJson.String(root, "channel_id")
                ?? (DiscordJson.Object(root, "channel") is { } channel ? DiscordJson.String(channel, "id") : null),
            Sender = ReadSender(root),
        };

        if (type is InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete)
        {
            if (DiscordJson.Object(root, "data") is not { } data || DiscordJson.String(data, "name") is not { } name)
                throw new MalformedPayloadException("A command interaction lacks 'data.name'.");
            var path = name;
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            string? focused = null;
            string? attachmentId = null;
            var current = data;
            // Walk data.name → group → subcommand; the leaf's options are the values.
            while (DiscordJson.Array(current, "options") is { } list)
            {
                JsonElement? nested = null;
                foreach (var option in list.EnumerateArray())
                {
                    if (option.ValueKind != JsonValueKind.Object)
                        throw new MalformedPayloadException("Each of 'options' must be an object.");
                    var optionName = DiscordJson.String(option, "name");
                    if (optionName is null || DiscordJson.Int32(option, "type") is not { } optionType)
                        throw new MalformedPayloadException("An option lacks 'name' or 'type'.");
                    if ((ApplicationCommandOptionType)optionType is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup)
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
                    if (DiscordJson.Boolean(option, "focused") == true)
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
            if (DiscordJson.Object(root, "data") is not { } data || DiscordJson.String(data, "custom_id") is not { } customId)
                throw new MalformedPayloadException("A component interaction lacks 'data.custom_id'.");
            var flags = DiscordJson.Object(root, "message") is { } message ? DiscordJson.Int64(message, "flags") ?? 0 : 0;
            result = result with { CustomId = customId, FromEphemeralMessage = (flags & 64) != 0 };
        }

        return result;
    }

    /// <summary>Manage Server or Administrator in that channel, from the decimal permission bitfield (may exceed 64 bits).</summary>
    public static bool HasManagePermission(string? permissions) =>
        permissions is not null
        && BigInteger.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
        && ((p & Administrator) != BigInteger.Zero || (p & ManageGuild) != BigInteger.Zero);

    /// <summary>
    /// A sender from a guild <c>member</c> (with user, roles, permissions) or a DM <c>user</c> (gateway messages: <c>author</c>).
    /// </summary>
    /// <exception cref="MalformedPayloadException">A field has the wrong type or invalid text.</exception>
    public static ChatSender? ReadSender(JsonElement root)
    {
        var member = DiscordJson.Object(root, "member");
        var user = (member is { } m ? DiscordJson.Object(m, "user") : null)
            ?? DiscordJson.Object(root, "user") ?? DiscordJson.Object(root, "author");
        if (user is not { } u || DiscordJson.String(u, "id") is not { } userId)
            return null;

        var nick = member is { } withNick ? DiscordJson.String(withNick, "nick") : null;
        var globalName = DiscordJson.String(u, "global_name");
        var username = DiscordJson.String(u, "username");
        return new ChatSender(userId, nick ?? globalName ?? username ?? userId)
        {
            RoleIds = member is { } withRoles ? DiscordJson.Strings(withRoles, "roles") : [],
            HasManagePermission = member is { } withPermissions && HasManagePermission(DiscordJson.String(withPermissions, "permissions")),
        };
    }

    private static InteractionAttachment? ReadAttachment(JsonElement data, string id)
    {
        if (DiscordJson.Object(data, "resolved") is not { } resolved || DiscordJson.Object(resolved, "attachments") is not { } attachments
            || DiscordJson.Object(attachments, id) is not { } a || DiscordJson.String(a, "url") is not { } url)
            return null;
        return new InteractionAttachment(DiscordJson.String(a, "filename") ?? "document", url, DiscordJson.Int64(a, "size") ?? -1,
            DiscordJson.String(a, "content_type"));
    }

    /// <summary>An option's value as the core's string form; an array, object or null value is no value.</summary>
    private static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => DiscordJson.Text(value, "value"),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture)
            : value.TryGetDouble(out var d) && double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture)
            : throw new MalformedPayloadException("An option's 'value' is a number out of range."),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

}
