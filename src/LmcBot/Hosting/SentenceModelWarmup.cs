using System.Diagnostics;
using LmcBot.Core.Embedding;

namespace LmcBot.Hosting;

/// <summary>
/// Loads the sentence model in the background as the host starts (one embedding: about 0.5-2 s and 300 MB), so the
/// first question does not pay for it; <c>/health/ready</c> reports not ready until it is done, or why it failed.
/// </summary>
internal sealed class SentenceModelWarmup(DenseVectorSource source, ILogger<SentenceModelWarmup> logger) : IHostedService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _failure;

    /// <summary>Completes when the model is loaded or has failed to load (tests await it instead of polling).</summary>
    public Task Completion => _done.Task;

    public bool IsReady => _done.Task.IsCompleted && _failure is null;

    /// <summary>Why the model could not be loaded, or null.</summary>
    public string? Failure => _failure;

    public string ModelId => source.ModelId;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(Warm, CancellationToken.None);
        return Task.CompletedTask;
    }

    private void Warm()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            source.Embedder.Embed(["Lancang-Mekong Cooperation"]);
            logger.LogInformation("Sentence model {Model} loaded in {Milliseconds} ms", source.ModelId, clock.ElapsedMilliseconds);
        }
        catch (Exception ex)
        {
            _failure = $"{ex.GetType().Name}: {ex.Message}";
            logger.LogError(ex, "The sentence model {Model} could not be loaded; /health/ready reports not ready", source.ModelId);
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    // Loading cannot be cancelled half-way (ONNX Runtime builds the session in one call); the process exit ends it.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
