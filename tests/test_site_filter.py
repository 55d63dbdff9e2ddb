"""Readers can narrow the list of assessments by directorate, year, status and group, with JavaScript."""

from __future__ import annotations

import pytest

from tests.site_fixture import build_site

pytestmark = [pytest.mark.build, pytest.mark.browser]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("filter"))


def test_filters_narrow_the_assessment_table_and_say_how_many_show(site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    with serve(site) as base, Browser() as browser:
        driver = browser.driver
        driver.get(base + "/eqias/")
        rows = driver.find_elements(By.CSS_SELECTOR, "table.eqp-table--index tbody tr")
        status = driver.find_element(By.CSS_SELECTOR, ".eqp-filter__status")
        assert status.text == f"Showing {len(rows)} of {len(rows)} assessments."

        label = driver.find_element(By.XPATH, "//label[text()='Possible adverse impact on']")
        select = Select(driver.find_element(By.ID, label.get_attribute("for")))
        select.select_by_visible_text("Disability")
        visible = [r for r in rows if r.is_displayed()]
        assert 0 < len(visible) < len(rows)
        assert all("Disability" in r.find_elements(By.TAG_NAME, "td")[3].text for r in visible)
        assert status.text == f"Showing {len(visible)} of {len(rows)} assessments."

        select.select_by_visible_text("All")
        assert all(r.is_displayed() for r in rows)


def test_the_list_can_be_narrowed_by_stage_of_the_commissioning_cycle(site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from eqportal.a11y.browser import Browser
    from eqportal.a11y.runner import serve

    with serve(site) as base, Browser() as browser:
        driver = browser.driver
        driver.get(base + "/eqias/")
        rows = driver.find_elements(By.CSS_SELECTOR, "table.eqp-table--index tbody tr")
        label = driver.find_element(By.XPATH, "//label[text()='Commissioning stage']")
        select = Select(driver.find_element(By.ID, label.get_attribute("for")))
        assert [o.text for o in select.options] == ["All", "Do", "Not recorded", "Plan", "Review"]
        select.select_by_visible_text("Plan")
        visible = [r for r in rows if r.is_displayed()]
        assert len(visible) == 1 and visible[0].find_elements(By.TAG_NAME, "td")[4].text == "Plan"
