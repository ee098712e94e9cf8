"""Pruebas del enrutamiento de las solicitudes del CRM (R7, §2c), con el orden de preferencia
de R7."""

from __future__ import annotations

import importlib
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sena_relacionamiento.enrutamiento import Destino, TipoDestino, enrutar_solicitud
from sena_relacionamiento.enumeraciones import Rol
from sena_relacionamiento.errores import DatoInvalido, RegistroInconsistente, SinDestino
from sena_relacionamiento.regionales import REGIONALES, Regional, regional
from sena_relacionamiento.registros import Asignacion, Gestor

# --- R7: enrutamiento de solicitudes del CRM ---


def test_r7_etiquetas_con_tildes_y_nombres_ascii() -> None:
    assert TipoDestino.LIDER_DE_CENTRO.etiqueta == "Líder de Centro"
    assert all(m.name.isascii() for m in TipoDestino)


def test_r7_los_nombres_mudados_siguen_en_relacionamiento_con_aviso() -> None:
    modulo = importlib.import_module("sena_relacionamiento.relacionamiento")

    for nombre, objeto in (("enrutar_solicitud", enrutar_solicitud), ("Destino", Destino)):
        with pytest.warns(DeprecationWarning, match=f"relacionamiento.{nombre} se mudó"):
            assert getattr(modulo, nombre) is objeto
    with pytest.raises(AttributeError, match="no_existe"):
        _ = modulo.no_existe


@pytest.mark.skipif(
    "MUTANT_UNDER_TEST" in os.environ,
    reason="bajo mutmut, su trampolín agrega un marco entre quien pide y __getattr__",
)
def test_r7_el_aviso_de_un_nombre_mudado_senala_a_quien_lo_pide() -> None:
    # stacklevel=2: el aviso nombra el archivo que usa el nombre viejo, no relacionamiento.py.
    modulo = importlib.import_module("sena_relacionamiento.relacionamiento")
    with pytest.warns(DeprecationWarning, match="TipoDestino se mudó") as avisos:
        _ = modulo.TipoDestino
    assert [a.filename for a in avisos] == [__file__]


HUILA = regional("Huila")
META = regional("Meta")


def _gestor(id_: str, rol: Rol, reg: str = "Huila") -> Gestor:
    return Gestor(id=id_, rol=rol, regional=reg)


ESTRATEGICO_HUILA = _gestor("e-huila", Rol.ESTRATEGICO)
EMPRESARIAL_META = _gestor("m-meta", Rol.EMPRESARIAL, "Meta")
EMPRESARIAL_HUILA_1 = _gestor("h-1", Rol.EMPRESARIAL)
EMPRESARIAL_HUILA_2 = _gestor("h-2", Rol.EMPRESARIAL)
ASIGNACIONES = (
    Asignacion(gestor="asignado", nit="900123456"),
    Asignacion(gestor="otro", nit="800111222"),
)


def test_r7_empresa_asignada_va_a_su_gestor() -> None:
    destino = enrutar_solicitud(
        "900.123.456-8",
        "Huila",
        asignaciones=ASIGNACIONES,
        disponibles=[EMPRESARIAL_HUILA_1, _gestor("asignado", Rol.EMPRESARIAL)],
        lider_de_centro="lider",
    )
    assert destino == Destino(
        tipo=TipoDestino.GESTOR_ASIGNADO,
        id="asignado",
        motivo="la empresa 900123456 está en la base asignada al gestor 'asignado'",
    )


def test_r7_empresa_asignada_va_a_su_gestor_aunque_no_este_disponible() -> None:
    destino = enrutar_solicitud(
        900123456, "Meta", asignaciones=ASIGNACIONES, disponibles=[EMPRESARIAL_META]
    )
    assert destino.tipo is TipoDestino.GESTOR_ASIGNADO
    assert destino.id == "asignado"
    assert destino.motivo.endswith("aunque no figura entre los disponibles")


def test_r7_una_asignacion_repetida_al_mismo_gestor_no_es_inconsistente() -> None:
    repetidas = [*ASIGNACIONES, Asignacion(gestor="asignado", nit="0900123456")]
    destino = enrutar_solicitud("900123456", HUILA, asignaciones=repetidas, disponibles=[])
    assert destino.id == "asignado"


def test_r7_empresa_asignada_a_dos_gestores_es_registro_inconsistente() -> None:
    a = Asignacion(gestor="g-a", nit="900123456")
    b = Asignacion(gestor="g-b", nit="900.123.456-8")
    with pytest.raises(RegistroInconsistente, match=r"900123456.*'g-a', 'g-b'") as error:
        enrutar_solicitud(
            "900123456", "Huila", asignaciones=[b, a], disponibles=[EMPRESARIAL_HUILA_1]
        )
    assert set(error.value.registros) == {a, b}


def test_r7_otra_empresa_asignada_a_dos_gestores_no_estorba() -> None:
    a = Asignacion(gestor="g-a", nit="700000001")
    b = Asignacion(gestor="g-b", nit="700000001")
    destino = enrutar_solicitud(
        "900123456", "Huila", asignaciones=[a, b, *ASIGNACIONES], disponibles=[]
    )
    assert destino.id == "asignado"


def test_r7_sin_asignar_va_al_primer_empresarial_de_la_regional() -> None:
    disponibles = [ESTRATEGICO_HUILA, EMPRESARIAL_META, EMPRESARIAL_HUILA_1, EMPRESARIAL_HUILA_2]
    destino = enrutar_solicitud(
        "123456789",
        "huila",
        asignaciones=ASIGNACIONES,
        disponibles=disponibles,
        lider_de_centro="lider",
    )
    assert destino == Destino(
        tipo=TipoDestino.GESTOR_EMPRESARIAL,
        id="h-1",
        motivo="la empresa 123456789 no está en la base asignada; se dirige al primer gestor "
        "empresarial disponible de la regional Huila",
    )
    # El desempate es el orden de `disponibles`.
    al_reves = enrutar_solicitud(
        "123456789", "Huila", asignaciones=ASIGNACIONES, disponibles=disponibles[::-1]
    )
    assert al_reves.id == "h-2"


def test_r7_estrategicos_y_gestores_de_otra_regional_no_reciben() -> None:
    destino = enrutar_solicitud(
        "123456789",
        "Huila",
        asignaciones=ASIGNACIONES,
        disponibles=[ESTRATEGICO_HUILA, EMPRESARIAL_META],
        lider_de_centro="  lider   centro 41 ",
    )
    assert destino == Destino(
        tipo=TipoDestino.LIDER_DE_CENTRO,
        id="lider centro 41",
        motivo="la empresa 123456789 no está en la base asignada y no hay gestor empresarial "
        "disponible en la regional Huila; se dirige al Líder de Centro",
    )


def test_r7_sin_gestores_disponibles_va_al_lider_de_centro() -> None:
    destino = enrutar_solicitud(
        "123456789", "Huila", asignaciones=[], disponibles=[], lider_de_centro="lider-41"
    )
    assert (destino.tipo, destino.id) == (TipoDestino.LIDER_DE_CENTRO, "lider-41")


def test_r7_nadie_es_sin_destino() -> None:
    with pytest.raises(SinDestino) as error:
        enrutar_solicitud(
            "123.456.789",
            "41",
            asignaciones=ASIGNACIONES,
            disponibles=[ESTRATEGICO_HUILA, EMPRESARIAL_META],
        )
    mensaje = str(error.value)
    assert "123456789" in mensaje
    assert "Huila" in mensaje
    assert "no está en la base asignada" in mensaje
    assert "no se indicó Líder de Centro" in mensaje


_POZO = [
    _gestor(f"{rol.name[:3]}-{reg}-{n}", rol, reg)
    for rol in Rol
    for reg in ("Huila", "Meta")
    for n in range(2)
]


@given(
    st.lists(st.sampled_from(_POZO), unique=True, max_size=8),
    st.sampled_from([HUILA, META]),
    st.one_of(st.none(), st.just("lider")),
)
def test_r7_propiedad_primer_empresarial_elegible_o_lider(
    disponibles: list[Gestor], reg: object, lider: str | None
) -> None:
    elegibles = [g.id for g in disponibles if g.rol is Rol.EMPRESARIAL and g.regional == reg]
    args = {"asignaciones": ASIGNACIONES, "disponibles": iter(disponibles)}
    if elegibles:
        destino = enrutar_solicitud(5, reg, lider_de_centro=lider, **args)  # type: ignore[arg-type]
        assert (destino.tipo, destino.id) == (TipoDestino.GESTOR_EMPRESARIAL, elegibles[0])
    elif lider is not None:
        destino = enrutar_solicitud(5, reg, lider_de_centro=lider, **args)  # type: ignore[arg-type]
        assert (destino.tipo, destino.id) == (TipoDestino.LIDER_DE_CENTRO, "lider")
    else:
        with pytest.raises(SinDestino):
            enrutar_solicitud(5, reg, lider_de_centro=lider, **args)  # type: ignore[arg-type]


@given(st.sampled_from(REGIONALES), st.lists(st.sampled_from(_POZO), max_size=6))
def test_r7_propiedad_la_base_asignada_manda(reg: Regional, disponibles: list[Gestor]) -> None:
    destino = enrutar_solicitud(
        "800.111.222",
        reg,
        asignaciones=ASIGNACIONES,
        disponibles=disponibles,
    )
    assert (destino.tipo, destino.id) == (TipoDestino.GESTOR_ASIGNADO, "otro")


def test_r7_es_determinista() -> None:
    argumentos = {
        "asignaciones": ASIGNACIONES,
        "disponibles": (EMPRESARIAL_HUILA_2, EMPRESARIAL_HUILA_1),
        "lider_de_centro": "lider",
    }
    primero = enrutar_solicitud("123456789", "Huila", **argumentos)  # type: ignore[arg-type]
    segundo = enrutar_solicitud("123456789", "Huila", **argumentos)  # type: ignore[arg-type]
    assert primero == segundo
    assert primero.id == "h-2"


def test_r7_un_id_con_dos_registros_en_disponibles_es_inconsistente() -> None:
    como_estrategico = _gestor("h-1", Rol.ESTRATEGICO)
    with pytest.raises(RegistroInconsistente, match="'h-1'") as error:
        enrutar_solicitud(
            "123456789",
            "Huila",
            asignaciones=[],
            disponibles=[EMPRESARIAL_HUILA_1, como_estrategico],
        )
    assert error.value.registros == (EMPRESARIAL_HUILA_1, como_estrategico)
    # El mismo registro dos veces no se contradice.
    destino = enrutar_solicitud(
        "123456789", "Huila", asignaciones=[], disponibles=[EMPRESARIAL_HUILA_1] * 2
    )
    assert destino.id == "h-1"


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        ({"nit": "12a"}, "nit"),
        ({"nit": "900.123.456-1"}, "nit"),
        ({"nit": 0}, "nit"),
        ({"nit": 3.5}, "nit"),
        ({"regional": "Atlantida"}, "regional"),
        ({"regional": 2.0}, "regional"),
        ({"regional": None}, "regional"),
        ({"asignaciones": [EMPRESARIAL_HUILA_1]}, "asignaciones[0]"),
        ({"asignaciones": "900123456"}, "asignaciones"),
        ({"asignaciones": 5}, "asignaciones"),
        ({"disponibles": [ASIGNACIONES[0]]}, "disponibles[0]"),
        ({"disponibles": [EMPRESARIAL_HUILA_1, "h-2"]}, "disponibles[1]"),
        ({"lider_de_centro": ""}, "lider_de_centro"),
        ({"lider_de_centro": 41}, "lider_de_centro"),
    ],
)
def test_r7_datos_malos_son_dato_invalido(argumentos: dict[str, object], campo: str) -> None:
    base: dict[str, object] = {
        "nit": "123456789",
        "regional": "Huila",
        "asignaciones": ASIGNACIONES,
        "disponibles": [EMPRESARIAL_HUILA_1],
        "lider_de_centro": "lider",
    }
    completos = base | argumentos
    nit, reg = completos.pop("nit"), completos.pop("regional")
    with pytest.raises(DatoInvalido) as error:
        enrutar_solicitud(nit, reg, **completos)  # type: ignore[arg-type]
    assert error.value.campo == campo


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        ({"tipo": "jefe"}, "tipo"),
        ({"id": ""}, "id"),
        ({"id": 7}, "id"),
        ({"motivo": "   "}, "motivo"),
    ],
)
def test_r7_destino_valida_sus_campos(argumentos: dict[str, object], campo: str) -> None:
    base: dict[str, object] = {"tipo": TipoDestino.GESTOR_ASIGNADO, "id": "g", "motivo": "m"}
    with pytest.raises(DatoInvalido) as error:
        Destino(**(base | argumentos))
    assert error.value.campo == campo
