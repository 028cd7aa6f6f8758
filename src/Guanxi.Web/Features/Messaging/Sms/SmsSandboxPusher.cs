using Microsoft.Extensions.Options;

namespace Guanxi.Web.Features.Messaging.Sms;

/// <summary>While the sandbox plays the provider, pushes its due receipts and replies every few seconds of the app's clock.</summary>
public sealed class SmsSandboxPusher(SmsSandbox sandbox, IOptions<SmsOptions> options, TimeProvider time, ILogger<SmsSandboxPusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.SandboxPushSeconds)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sandbox.PushDue(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The SMS sandbox could not push its due receipts");
            }
        }
    }
}
