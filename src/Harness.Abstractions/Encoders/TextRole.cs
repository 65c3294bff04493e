namespace Harness.Abstractions.Encoders;

/// <summary>Whether a text is encoded as a query or a document (asymmetric encoders treat them differently).</summary>
public enum TextRole
{
    /// <summary>A query.</summary>
    Query,

    /// <summary>A document.</summary>
    Document,
}
