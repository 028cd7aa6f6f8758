using Guanxi.Domain.Messaging;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Guanxi.Web.Features.Messaging.Email;

/// <summary>
/// E-mail by SMTP with MailKit (SVC-5). Settings from configuration or the environment (<c>Messaging__Smtp__Host</c> …):
/// Host, Port (25), Tls (none | startTls | sslOnConnect | auto), User, Password, From, FromName. The message's id is its
/// Message-Id (<c>{id}@guanxi</c>); a marketing e-mail carries List-Unsubscribe with the one-click link and
/// List-Unsubscribe-Post (RFC 8058), so that a mail client unsubscribes with a POST and a scanner's GET changes nothing.
/// </summary>
public sealed class SmtpEmail(IConfiguration configuration, UnsubscribeLinks links)
{
    private IConfigurationSection Smtp => configuration.GetSection("Messaging:Smtp");

    public bool Configured => !string.IsNullOrWhiteSpace(Smtp["Host"]) && !string.IsNullOrWhiteSpace(Smtp["From"]);

    /// <summary>Sends the messages over one connection; each gets its outcome (an SMTP refusal of one recipient fails only that one).</summary>
    public async Task<IReadOnlyList<(Guid Id, bool Accepted, string? Code, string? Text, bool Retry)>> Send(IReadOnlyList<OutboxMessage> messages, string companyName, CancellationToken cancellationToken)
    {
        var outcomes = new List<(Guid, bool, string?, string?, bool)>();
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(Smtp["Host"]!, Smtp.GetValue("Port", 25), Enum.TryParse<SecureSocketOptions>(Smtp["Tls"], true, out var tls) ? tls : SecureSocketOptions.Auto, cancellationToken);
            if (!string.IsNullOrEmpty(Smtp["User"]))
                await client.AuthenticateAsync(Smtp["User"]!, Smtp["Password"] ?? "", cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException)
        {
            return [.. messages.Select(m => (m.Id, false, (string?)"smtp.connect", (string?)$"无法连接邮件服务器：{e.Message}", true))];
        }
        foreach (var m in messages)
        {
            try
            {
                await client.SendAsync(Mime(m, companyName), cancellationToken);
                outcomes.Add((m.Id, true, null, null, false));
            }
            catch (SmtpCommandException e)
            {
                var permanent = (int)e.StatusCode >= 500;
                outcomes.Add((m.Id, false, $"smtp.{(int)e.StatusCode}", e.Message, !permanent));
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException)
            {
                outcomes.Add((m.Id, false, "uncertain", $"发送中断：{e.Message}", false));   // the server may have it: reconciled, never resent
                break;
            }
        }
        if (client.IsConnected)
            await client.DisconnectAsync(true, cancellationToken);
        return outcomes;
    }

    private MimeMessage Mime(OutboxMessage m, string companyName)
    {
        var message = new MimeMessage { Subject = m.Subject ?? "", MessageId = $"{m.Id:N}@guanxi" };
        message.From.Add(new MailboxAddress(Smtp["FromName"] ?? companyName, Smtp["From"]!));
        message.To.Add(MailboxAddress.Parse(m.Address!));
        message.Body = new TextPart("plain") { Text = m.Text };
        if (m.Kind == MessageKind.Marketing)
        {
            message.Headers.Add("List-Unsubscribe", $"<{links.Url(m.CustomerId, Channel.Email, MessageKind.Marketing)}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }
}
