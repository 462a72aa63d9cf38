import dataclasses

import pytest

from ghotona.config import SETTINGS_HELP, Settings
from ghotona.errors import ConfigError


def test_every_setting_is_documented():
    assert {f.name for f in dataclasses.fields(Settings)} == set(SETTINGS_HELP)


@pytest.mark.parametrize("bad", [{"batch_size": 0}, {"min_bengali_ratio": 2.0}, {"nope": 1},
                                 {"max_article_bytes": 0}, {"min_confidence": -1}])
def test_bad_settings_raise(bad):
    with pytest.raises(ConfigError):
        Settings.from_dict(bad)
