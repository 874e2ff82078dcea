#!/usr/bin/env python3
"""browser_answer.py BASE MEMBER_PATH SESSION [SCREENSHOTS_DIR]: a member answers a session on her
page in headless Chromium (Debian's chromium and chromium-driver, through Selenium), as a person
would: at a phone's width, with the keyboard (Tab to the button, Enter), then checks the page she
lands on says so. Prints JSON: what the page said before and after, whether any script ran (an
alert), the page's width against the window's (nothing wider than the phone), and the console's
CSP complaints. With SCREENSHOTS_DIR, saves the series page and her page at desktop and phone widths.
"""
import json
import os
import sys

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def browser(width, height):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--hide-scrollbars"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def alerted(driver):
    try:
        driver.switch_to.alert
        return True
    except NoAlertPresentException:
        return False


def main():
    base, member_path, session = sys.argv[1], sys.argv[2], sys.argv[3]
    shots = sys.argv[4] if len(sys.argv) > 4 else None
    result = {}
    driver = browser(390, 844)
    try:
        driver.get(base + member_path)
        article = driver.find_element(By.ID, "session-" + session)
        result["before"] = article.find_element(By.XPATH, ".//p[starts-with(., 'Your answer')]").text
        result["alertBefore"] = alerted(driver)
        result["pageWidth"] = driver.execute_script("return document.documentElement.scrollWidth")
        result["windowWidth"] = driver.execute_script("return window.innerWidth")
        if shots:
            driver.save_screenshot(os.path.join(shots, "serve-member-phone.png"))
        button = article.find_element(By.XPATH, ".//button[@value='ACCEPTED']")
        # The keyboard: focus the button as Tab would reach it, and press Enter.
        driver.execute_script("arguments[0].focus()", button)
        button.send_keys(Keys.ENTER)
        notice = driver.find_element(By.CSS_SELECTOR, "p.notice")
        result["notice"] = notice.text
        article = driver.find_element(By.ID, "session-" + session)
        result["after"] = article.find_element(By.XPATH, ".//p[starts-with(., 'Your answer')]").text
        result["alertAfter"] = alerted(driver)
        result["csp"] = [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]
        driver.get(base + "/")
        result["seriesTitle"] = driver.find_element(By.TAG_NAME, "h1").text
        result["alertSeries"] = alerted(driver)
        result["csp"] += [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]
        if shots:
            driver.save_screenshot(os.path.join(shots, "serve-series-phone.png"))
    finally:
        driver.quit()
    if shots:
        driver = browser(1280, 1600)
        try:
            driver.get(base + "/")
            driver.save_screenshot(os.path.join(shots, "serve-series-desktop.png"))
            driver.get(base + member_path)
            driver.save_screenshot(os.path.join(shots, "serve-member-desktop.png"))
        finally:
            driver.quit()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
