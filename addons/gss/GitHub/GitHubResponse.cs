using System.Net;

namespace Addons.Gss.GitHub;

/// <summary>A successful (2xx, 304 served from the ETag cache) or 404 answer.</summary>
/// <param name="Status">200 (also for a 304 answered from the cache) or 404.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="Next">The <c>Link: rel="next"</c> URL, or null on the last page.</param>
internal sealed record GitHubResponse(HttpStatusCode Status, byte[] Body, Uri? Next);
