"""R11: la fecha de Bogotá de un `date` o un `datetime`, y los errores de zonas raras."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

import pytest

from sena_relacionamiento import DatoInvalido, fecha_bogota


class _DesfaseMalo(tzinfo):
    """Una zona ajena cuyo desfase no es un `timedelta` válido."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=30)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return "MALA"


def test_r11_ingenuo_es_hora_de_bogota() -> None:
    assert fecha_bogota(datetime(2012, 3, 25, 23, 59)) == date(2012, 3, 25)


def test_r11_con_zona_se_convierte_a_bogota() -> None:
    assert fecha_bogota(datetime(2012, 3, 26, 3, 0, tzinfo=UTC)) == date(2012, 3, 25)
    mas9 = timezone(timedelta(hours=9))
    assert fecha_bogota(datetime(2012, 3, 26, 12, 0, tzinfo=mas9)) == date(2012, 3, 25)


def test_r11_una_date_queda_igual() -> None:
    assert fecha_bogota(date(2012, 2, 29)) == date(2012, 2, 29)


def test_r11_fuera_del_calendario_al_convertir_es_dato_invalido() -> None:
    with pytest.raises(DatoInvalido, match="fuera del calendario") as error:
        fecha_bogota(datetime(1, 1, 1, tzinfo=UTC), "fecha_gestion")
    assert error.value.campo == "fecha_gestion"


def test_r11_zona_con_desfase_invalido_es_dato_invalido() -> None:
    with pytest.raises(DatoInvalido, match="desfase inválido"):
        fecha_bogota(datetime(2012, 3, 1, tzinfo=_DesfaseMalo()))


@pytest.mark.parametrize("valor", ["2012-03-25", None, 20120325, 1.5])
def test_r11_lo_que_no_es_fecha_es_dato_invalido(valor: object) -> None:
    with pytest.raises(DatoInvalido, match="se esperaba una date o un datetime"):
        fecha_bogota(valor)
