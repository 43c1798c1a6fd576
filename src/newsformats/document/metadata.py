"""Machine-readable metadata about an article: schema.org NewsArticle (JSON-LD)."""

from __future__ import annotations

from typing import Any

from ..model import Article, plain_text


def news_article_jsonld(article: Article, image_urls: list[str]) -> dict[str, Any]:
    """Return the schema.org ``NewsArticle`` description of ``article``.

    >>> from newsformats.model import Article
    >>> news_article_jsonld(Article(headline="Hi", language="en", body=["x"]), [])["@type"]
    'NewsArticle'
    """
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline[:110],
        "inLanguage": article.language,
        "articleBody": "\n\n".join(plain_text(p.content) for p in article.paragraphs),
    }
    if article.standfirst:
        data["description"] = article.standfirst
    if article.published:
        data["datePublished"] = article.published.isoformat()
    if article.updated:
        data["dateModified"] = article.updated.isoformat()
    if article.authors:
        data["author"] = [
            {"@type": "Person", "name": p.name, **({"url": str(p.url)} if p.url else {})}
            for p in article.authors
        ]
    if article.publisher:
        publisher: dict[str, Any] = {"@type": "Organization", "name": article.publisher.name}
        if article.publisher.url:
            publisher["url"] = str(article.publisher.url)
        data["publisher"] = publisher
    if article.canonical_url:
        data["mainEntityOfPage"] = str(article.canonical_url)
        data["url"] = str(article.canonical_url)
    if article.dateline:
        data["locationCreated"] = {"@type": "Place", "name": article.dateline}
    if article.keywords:
        data["keywords"] = ", ".join(article.keywords)
    if article.section:
        data["articleSection"] = article.section
    if image_urls:
        data["image"] = image_urls
    if article.credit_line:
        data["creditText"] = article.credit_line
    return data
