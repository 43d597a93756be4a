from bot.channels.sanitize import MAX_CHARS, clean, emoji_intent


def test_html_is_stripped_and_entities_unescaped():
    result = clean("<p>Ik heb <b>schulden</b> &amp; zorgen</p><script>alert('x')</script>")
    assert result.text == "Ik heb schulden & zorgen"
    assert result.had_html


def test_plain_text_is_untouched():
    assert clean("Ik zorg voor mijn moeder.").text == "Ik zorg voor mijn moeder."
    comparison = clean("ik heb 3 < 5 kinderen en 7 > 6")
    assert comparison.text == "ik heb 3 < 5 kinderen en 7 > 6" and not comparison.had_html


def test_long_text_is_capped_on_a_word_boundary():
    result = clean("woord " * 5000)
    assert result.truncated
    assert len(result.text) <= MAX_CHARS
    assert result.text.endswith("woord")


def test_empty_and_none():
    assert clean(None).text == ""
    assert clean("   \n\t ").text == ""
    assert not clean("").has_words


def test_emoji_only_has_no_words():
    assert not clean("😀😀🙈").has_words
    assert clean("ok 😀").has_words


def test_control_and_zero_width_characters_removed():
    assert clean("hal\u200blo\x00 daar").text == "hallo daar"


def test_emoji_intents():
    assert emoji_intent("👍") == "affirm"
    assert emoji_intent("🙏🙏") == "thank"
    assert emoji_intent("👍👎") is None  # mixed signals: no guess
    assert emoji_intent("😀") is None


def test_a_valid_bsn_is_removed_before_anything_else():
    result = clean("mijn bsn is 111222333, kun je helpen?")
    assert "111222333" not in result.text and result.had_bsn
    assert "[BSN verwijderd]" in result.text


def test_nine_digits_that_are_not_a_bsn_stay():
    # 123456789 fails the eleven-test: it is an amount, not a BSN
    result = clean("ik heb 123456789 euro schuld")
    assert "123456789" in result.text and not result.had_bsn
