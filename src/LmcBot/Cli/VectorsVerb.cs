using System.CommandLine;
using LmcBot.Core.Answering.Retrieval;
using LmcBot.Core.Embedding;
using LmcBot.Core.Knowledge;

namespace LmcBot.Cli;

/// <summary>
/// <c>LmcBot vectors</c>: regenerates the knowledge folder's committed vector file
/// (<c>knowledge/vectors/all-MiniLM-L6-v2.bin</c>) after its facts or documents changed; unchanged texts keep their vectors.
/// </summary>
internal static class VectorsVerb
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("vectors", $"Regenerate knowledge/vectors/{MiniLmSentenceEmbedder.Model}.bin, the sentence vectors of the shipped facts and documents (run after editing knowledge/)");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var context = LmcBotCli.CreateContext(parse, error);
            var folder = context.KnowledgeFolder;
            try
            {
                var (count, embedded) = ShippedVectors.Regenerate(folder, MiniLmSentenceEmbedder.Shared, TerminalProgress.For(error), cancellationToken);
                await output.WriteLineAsync($"Wrote {VectorFile.PathFor(folder, MiniLmSentenceEmbedder.Model)}: {count} vectors ({embedded} newly embedded, {count - embedded} kept).");
                return LmcBotCli.Success;
            }
            catch (KnowledgeValidationException ex)
            {
                await error.WriteLineAsync($"error: {folder} has errors, so no vectors were written:");
                foreach (var problem in ex.Errors) await error.WriteLineAsync($"  {problem}");
                return LmcBotCli.Failure;
            }
        });
        return command;
    }
}
