from plugins.present import fmt


def test_german_numbers():
    assert fmt.number_de(279000) == "279.000"
    assert fmt.number_de(18.9) == "18,9"
    assert fmt.number_de(117335.04) == "117.335,04"
    assert fmt.number_de(1234567.5, 2) == "1.234.567,50"


def test_money():
    assert fmt.money(5250, "EUR", approximate=True) == "rund 5.250\u00a0€"
    assert fmt.money(547763.17, "DM") == "547.763,17\u00a0DM"
    assert fmt.money(5985.5) == "5.985,50\u00a0€"


def test_dates_and_pages():
    assert fmt.partial_date("2013") == "2013"
    assert fmt.partial_date("2013-04") == "April 2013"
    assert fmt.partial_date("2013-04-08") == "08.04.2013"
    assert fmt.pages([31, 32, 33]) == "Seiten 31–33"
    assert fmt.pages([8]) == "Seite 8"
    assert fmt.pages([8, 10]) == "Seiten 8, 10"
