"""/article and /revue through real interactions: ingest an article, review its proposals by buttons."""

from tests.bot.conftest import SERVER
from tests.bot.discord_double import MANAGE_MESSAGES, chat_input, interaction, member, message_object
from tests.bot.test_moderation_interactions import submission

MODERATOR = member(10, permissions=MANAGE_MESSAGES | (1 << 31))
ARTICLE = (
    "date 2024-12-07\n"
    "Le président sénégalais Bassirou Diomaye Faye a effectué une visite officielle au Mali le 12 mars 2024. "
    "La France et l'Inde ont signé mardi un partenariat sur l'hydrogène vert à New Delhi."
)


async def paste_article(harness, text=ARTICLE, who=MODERATOR) -> dict:
    opened = await harness.send(interaction(2, chat_input("article"), SERVER, who))
    assert opened["type"] == 9, opened
    return await harness.send(interaction(5, submission(opened["data"], {"Texte": text}), SERVER, who))


async def click(harness, reply, label, who=MODERATOR, guild=SERVER):
    """Presses the button `label` on the message `reply` created or updated."""
    sent = next(s for s in reversed(harness.double.sent) if s.body is reply)
    interaction_id = sent.path.split("/")[2]
    origin, message_id = CLICKED.get(interaction_id, (interaction_id, harness.double.message_ids.get(interaction_id)))
    button = next(b for row in reply["data"]["components"] for b in row["components"] if b.get("label") == label)
    message = message_object(message_id, reply["data"]) | {
        "interaction_metadata": {"id": origin, "type": 2, "user": who["user"], "authorizing_integration_owners": {}}
    }
    payload = interaction(3, {"custom_id": button["custom_id"], "component_type": 2}, guild, who, message=message)
    answer = await harness.send(payload)
    if answer["type"] == 7:
        CLICKED[payload["id"]] = (origin, message_id)
    return answer


CLICKED: dict[str, tuple[str, int]] = {}


async def test_a_pasted_article_becomes_proposals_hidden_from_lookups(harness):
    report = await paste_article(harness)
    assert "2 fait(s) proposé(s)" in report["data"]["embeds"][0]["title"]
    found = await harness.slash("visite", "Mali")
    assert found["data"]["flags"] & 64  # not approved yet: not found


async def test_an_attached_file_is_ingested(harness):
    url = "https://cdn.invalid/attachments/1/article.txt"
    harness.double.files[url] = ARTICLE.encode()
    attachment = {"id": "555", "filename": "article.txt", "size": len(ARTICLE.encode()), "url": url,
                  "proxy_url": url, "content_type": "text/plain; charset=utf-8"}  # fmt: skip
    data = chat_input("article", [{"name": "fichier", "type": 11, "value": "555"}]) | {
        "resolved": {"attachments": {"555": attachment}}
    }
    report = await harness.send(interaction(2, data, SERVER, MODERATOR))
    assert "2 fait(s) proposé(s)" in report["data"]["embeds"][0]["title"]


async def test_approving_in_the_review_makes_the_fact_answer(harness):
    await paste_article(harness)
    review = await harness.send(interaction(2, chat_input("revue"), SERVER, MODERATOR))
    assert "Fait proposé" in review["data"]["embeds"][0]["footer"]["text"]
    approved_title = review["data"]["embeds"][0]["title"]
    after = await click(harness, review, "Approuver")
    assert after["type"] == 6  # acknowledged at once; the next proposal then replaces this one
    edit = harness.double.sent[-1]
    assert edit.method == "PATCH" and edit.path.endswith("/messages/@original")
    assert edit.body["embeds"][0]["title"] != approved_title
    query = "Mali" if "Mali" in approved_title else "France Inde"
    kind = "visite" if "Mali" in approved_title else "accord"
    found = await harness.slash(kind, query)
    assert not found["data"].get("flags", 0) & 64


async def test_a_member_cannot_approve_by_replaying_the_button(harness, seed_store):
    await paste_article(harness)
    review = await harness.send(interaction(2, chat_input("revue"), SERVER, MODERATOR))
    before = seed_store.path.read_bytes()
    refused = await click(harness, review, "Approuver", who=member(77))
    assert "réservée aux modérateurs" in refused["data"]["embeds"][0]["description"]
    assert seed_store.path.read_bytes() == before


async def test_review_and_article_are_for_moderators(harness):
    for name in ("revue", "article"):
        refused = await harness.send(interaction(2, chat_input(name), SERVER, member(77)))
        assert "réservée aux modérateurs" in refused["data"]["embeds"][0]["description"]


async def test_skipping_goes_through_every_proposal(harness):
    await paste_article(harness)
    review = await harness.send(interaction(2, chat_input("revue"), SERVER, MODERATOR))
    seen = {review["data"]["embeds"][0]["footer"]["text"].split("n°")[1].split()[0]}
    current = review
    for _ in range(3):
        current = await click(harness, current, "Suivant")
        embed = current["data"]["embeds"][0]
        if embed["title"] == "Rien à relire":
            break
        seen.add(embed["footer"]["text"].split("n°")[1].split()[0])
    assert len(seen) == 2  # the pasted article proposes two facts, both shown before "Rien à relire"
