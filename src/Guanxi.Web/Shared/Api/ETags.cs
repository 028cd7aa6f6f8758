namespace Guanxi.Web.Shared.Api;

/// <summary>Versions travel as ETags ("\"{guid}\"") and come back in If-Match.</summary>
public static class ETags
{
    /// <summary>The version an If-Match header names, or null when it names none (a 428 for a versioned resource).</summary>
    public static Guid? Version(string? ifMatch) => Guid.TryParse(ifMatch?.Trim().Trim('"'), out var version) ? version : null;
}
