namespace Guanxi.Web.Features.Messaging.Sms;

/// <summary>The provider could not be asked what it knows of a message (network, refusal): the answer is unknown, not "never sent".</summary>
public sealed class SmsLookupException : Exception
{
    public SmsLookupException()
    {
    }

    public SmsLookupException(string message) : base(message)
    {
    }

    public SmsLookupException(string message, Exception inner) : base(message, inner)
    {
    }
}
