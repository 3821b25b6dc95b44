using System.CommandLine;
using LmcBot.Discord;
using LmcBot.Discord.Commands;

namespace LmcBot.Cli;

/// <summary><c>LmcBot discord register [--guild ID]</c>: bulk-overwrites the slash commands from the catalog.</summary>
internal static class DiscordVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var guild = new Option<string?>("--guild") { Description = "Register in one guild (instant, for development) instead of globally; 'global' forces global" };
        var register = new Command("register", "Create, update or remove the bot's slash commands so they match the catalog (idempotent)");
        register.Options.Add(guild);
        register.SetAction(async (parse, cancellationToken) =>
        {
            using var context = LmcBotCli.CreateContext(parse, error, builder => builder.Services.AddDiscordAdapter(builder.Configuration));
            return await context.Services.GetRequiredService<DiscordCommandRegistrar>().RegisterAsync(parse.GetValue(guild), output, cancellationToken);
        });
        var discord = new Command("discord", "Discord administration");
        discord.Subcommands.Add(register);
        return discord;
    }
}
