import pytest

from ecovdesk.core.catalogue import OTHER_GROUP, Catalogue, Family

CHAT = (Family.CHAT, Family.CHAT_IMAGES)


def test_catalogue_knows_every_vendor_group() -> None:
    catalogue = Catalogue.load_default()
    groups = {m.group for m in catalogue.models()}
    for group in (
        "openai_general",
        "kimi",
        "qwen",
        "zhipu",
        "metaso",
        "spark",
        "hailuo",
        "deepseek",
        "openai_allinone",
    ):
        assert group in groups


def test_unknown_relay_ids_are_pickable_as_chat() -> None:
    catalogue = Catalogue.load_default()
    merged = catalogue.merged(["gpt-4o-mini", "mystery-model-x"], CHAT)
    mystery = [m for m in merged if m.id == "mystery-model-x"]
    assert mystery and mystery[0].family is Family.CHAT and mystery[0].group == OTHER_GROUP
    assert merged[-1].id == "mystery-model-x"
    assert next(m for m in merged if m.id == "gpt-4o-mini").from_relay


def test_billing_names_and_unserved_families_are_left_out() -> None:
    catalogue = Catalogue.load_default()
    ids = {m.id for m in catalogue.merged(["mj_imagine", "suno_music", "flux-pro"], CHAT)}
    assert "mj_imagine" not in ids and "suno_music" not in ids
    assert "flux-pro" not in ids
    assert "deepseek-reasoner" in ids


def test_unknown_id_family_is_guessed_from_its_name() -> None:
    catalogue = Catalogue.load_default()
    assert catalogue.get("flux-2-max").family is Family.OPENAI_IMAGES
    assert catalogue.get("kling-v3").family is Family.KLING
    assert catalogue.get("whatever-llm").family is Family.CHAT
    assert catalogue.get("kimi").search


@pytest.mark.parametrize(
    ("model_id", "sees"),
    [
        ("qwen-vl-max", True),
        ("glm-4v-plus", True),
        ("claude-opus-4-20250514", True),
        ("gemini-2.5-pro", True),
        ("llama-3.3-70b", False),
        ("yi-lightning", False),
    ],
)
def test_an_unknown_chat_model_that_sees_pictures_is_told_by_its_name(
    model_id: str, sees: bool
) -> None:
    info = Catalogue.load_default().get(model_id)
    assert info.family is Family.CHAT and info.vision is sees


def test_models_that_cannot_chat_are_not_offered_from_the_relays_list() -> None:
    relay = ["text-embedding-3-small", "tts-1", "whisper-1", "bge-m3", "omni-moderation-latest"]
    merged = Catalogue.load_default().merged([*relay, "llama-3.3-70b"], list(Family))
    ids = {m.id for m in merged}
    assert "llama-3.3-70b" in ids
    assert not ids & set(relay)
