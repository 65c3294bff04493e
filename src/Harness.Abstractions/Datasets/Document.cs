namespace Harness.Abstractions.Datasets;

/// <summary>A corpus document.</summary>
/// <param name="Id">Unique document id.</param>
/// <param name="Title">Title (empty when the collection has none).</param>
/// <param name="Text">Body text.</param>
public sealed record Document(string Id, string Title, string Text)
{
    /// <summary>Title and text joined by a blank line (just the text when there is no title): what encoders read.</summary>
    public string FullText => Title.Length == 0 ? Text : Title + "\n\n" + Text;
}
