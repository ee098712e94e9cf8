"""Pruebas de los parámetros de la vigencia 2012 (R3, R27–R29): cada número de la circular,
sus erratas corregidas, su fuente y la validación al construir otra vigencia."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from _reglas import GRANDES_R3, MEDIANAS_R3, PEQUENAS_R3

from sena_relacionamiento import (
    PARAMETROS_2012,
    REGIONALES,
    DatoInvalido,
    Parametros,
    RegionalDesconocida,
    Rol,
    SegmentoRegional,
    regional,
)

G, M, P = SegmentoRegional.GRANDE, SegmentoRegional.MEDIANA, SegmentoRegional.PEQUENA

# R27, copiado de REGLAS.md por nombre (no del código).
METAS_CV_R27 = {
    "Amazonas": 14,
    "Antioquia": 2500,
    "Arauca": 20,
    "Atlántico": 1500,
    "Bolívar": 250,
    "Boyacá": 105,
    "Caldas": 120,
    "Caquetá": 20,
    "Casanare": 90,
    "Cauca": 160,
    "Cesar": 70,
    "Chocó": 2,
    "Córdoba": 90,
    "Cundinamarca": 600,
    "Distrito Capital": 5500,
    "Guainía": 0,
    "Guajira": 30,
    "Guaviare": 12,
    "Huila": 160,
    "Magdalena": 150,
    "Meta": 70,
    "Nariño": 70,
    "Norte de Santander": 250,
    "Putumayo": 6,
    "Quindío": 120,
    "Risaralda": 250,
    "San Andrés": 21,
    "Santander": 500,
    "Sucre": 50,
    "Tolima": 120,
    "Valle": 1350,
    "Vaupés": 0,
    "Vichada": 0,
}

# R28, copiado de REGLAS.md por nombre.
TOPES_EM_R28 = {
    "Amazonas": 0,
    "Antioquia": 155,
    "Arauca": 0,
    "Atlántico": 8,
    "Bolívar": 1,
    "Boyacá": 5,
    "Caldas": 0,
    "Caquetá": 1,
    "Casanare": 0,
    "Cauca": 6,
    "Cesar": 1,
    "Chocó": 0,
    "Córdoba": 0,
    "Cundinamarca": 116,
    "Distrito Capital": 1050,
    "Guainía": 0,
    "Guajira": 1,
    "Guaviare": 0,
    "Huila": 1,
    "Magdalena": 0,
    "Meta": 3,
    "Nariño": 2,
    "Norte de Santander": 0,
    "Putumayo": 0,
    "Quindío": 0,
    "Risaralda": 14,
    "San Andrés": 2,
    "Santander": 2,
    "Sucre": 0,
    "Tolima": 3,
    "Valle": 158,
    "Vaupés": 0,
    "Vichada": 0,
}


def por_nombre(tabla: Any) -> dict[str, Any]:
    return {regional(codigo).nombre: valor for codigo, valor in tabla.items()}


def evolucionar(**cambios: Any) -> Parametros:
    return attrs.evolve(PARAMETROS_2012, **cambios)


# --- R27: metas de contratos voluntarios (§2e) ---------------------------------------------


def test_r27_metas_cv_suman_14200() -> None:
    assert sum(PARAMETROS_2012.metas_cv.values()) == 14_200
    assert sum(METAS_CV_R27.values()) == 14_200


def test_r27_metas_cv_de_cada_regional() -> None:
    assert por_nombre(PARAMETROS_2012.metas_cv) == METAS_CV_R27


@pytest.mark.parametrize(
    ("consulta", "meta"),
    [
        # "54 Santander 250" es Norte de Santander; Santander es 68 con 500.
        ("54", 250),
        ("Norte de Santander", 250),
        ("68", 500),
        ("Santander", 500),
        # "61 Arauca" es el código 81.
        ("81", 20),
        # "95 Putumayo" es el código 86; 95 es Guaviare.
        ("86", 6),
        ("95", 12),
        # "89 Providencia" es San Andrés, 88.
        ("88", 21),
        ("Providencia", 21),
        # "Valle del Cuca" es Valle.
        ("76", 1350),
    ],
)
def test_r27_erratas_corregidas(consulta: str, meta: int) -> None:
    assert PARAMETROS_2012.metas_cv[regional(consulta).codigo] == meta


def test_r27_los_codigos_errados_no_existen_en_la_tabla() -> None:
    for errado in ("61", "89", "7"):
        assert errado not in PARAMETROS_2012.metas_cv
        assert errado not in PARAMETROS_2012.topes_em


# --- R28: topes de monetización (§2f) ---------------------------------------------------------


def test_r28_topes_em_suman_1529() -> None:
    assert sum(PARAMETROS_2012.topes_em.values()) == 1_529
    assert sum(TOPES_EM_R28.values()) == 1_529


def test_r28_topes_em_de_cada_regional() -> None:
    assert por_nombre(PARAMETROS_2012.topes_em) == TOPES_EM_R28


def test_r28_erratas_corregidas() -> None:
    # "Boyara" es Boyacá (15) con 5; "7 Sucre" es el código 70 con 0.
    assert PARAMETROS_2012.topes_em["15"] == 5
    assert PARAMETROS_2012.topes_em["70"] == 0
    assert regional("70").nombre == "Sucre"


@pytest.mark.parametrize("tabla", ["segmentos", "metas_cv", "topes_em"])
def test_r29_cada_tabla_usa_los_codigos_de_las_33(tabla: str) -> None:
    assert set(getattr(PARAMETROS_2012, tabla)) == {r.codigo for r in REGIONALES}


# --- R3: segmentos regionales ---------------------------------------------------------------


def test_r3_segmentos_6_14_13() -> None:
    segmentos = por_nombre(PARAMETROS_2012.segmentos)
    assert {n for n, s in segmentos.items() if s is G} == GRANDES_R3
    assert {n for n, s in segmentos.items() if s is M} == MEDIANAS_R3
    assert {n for n, s in segmentos.items() if s is P} == PEQUENAS_R3
    assert (len(GRANDES_R3), len(MEDIANAS_R3), len(PEQUENAS_R3)) == (6, 14, 13)


def test_r3_cesar_es_mediana_inferida() -> None:
    assert PARAMETROS_2012.segmento("Cesar") is M
    assert PARAMETROS_2012.segmentos_inferidos == frozenset({"20"})


@pytest.mark.parametrize("nombre", ["Magdalena", "Meta", "Nariño", "Norte de Santander", "Tolima"])
def test_r3_magdalena_a_tolima_son_medianas(nombre: str) -> None:
    assert PARAMETROS_2012.segmento(nombre) is M


# --- R4, R13 y demás números ------------------------------------------------------------------


def test_r29_los_numeros_de_la_circular() -> None:
    p = PARAMETROS_2012
    assert p.vigencia == 2012
    assert p.dia_corte == 25
    assert p.piso_tipo_b == 100_000_000
    assert dict(p.techos_tipo_b) == {G: 500_000_000, M: 300_000_000, P: 300_000_000}
    assert p.meta_ec == Decimal("0.90")
    assert p.contactos_anuales == 3
    assert p.meta_ep == 2
    assert p.meta_eg == Decimal("0.60")
    assert p.tope_em == Decimal("0.06")
    assert (p.sismeg_formados, p.sismeg_empleos) == (20_000, 2_000)
    assert dict(p.reparto_sismeg) == {
        Rol.ESTRATEGICO: Decimal("0.6"),
        Rol.EMPRESARIAL: Decimal("0.4"),
    }
    assert (p.umbral_verde, p.umbral_amarillo) == (Decimal("0.90"), Decimal("0.70"))


def test_r29_los_numeros_exactos_no_son_float() -> None:
    for atributo in attrs.fields(Parametros):
        valor = getattr(PARAMETROS_2012, atributo.name)
        valores = valor.values() if hasattr(valor, "values") else [valor]
        assert not any(isinstance(v, float) for v in valores), atributo.name


def test_r13_meta_sismeg_por_rol() -> None:
    assert PARAMETROS_2012.meta_sismeg(Rol.ESTRATEGICO) == (12_000, 1_200)
    assert PARAMETROS_2012.meta_sismeg(Rol.EMPRESARIAL) == (8_000, 800)
    assert all(type(n) is int for n in PARAMETROS_2012.meta_sismeg(Rol.ESTRATEGICO))


def test_r29_cada_campo_tiene_fuente() -> None:
    for atributo in attrs.fields(Parametros):
        fuente = PARAMETROS_2012.fuente(atributo.name)
        assert isinstance(fuente, str)
        assert fuente.strip()
        assert fuente.startswith(("§", "Asunto", "R"))


def test_r29_fuentes_citan_su_seccion() -> None:
    assert PARAMETROS_2012.fuente("metas_cv").startswith("§2e")
    assert PARAMETROS_2012.fuente("topes_em").startswith("§2f")
    assert "25" in PARAMETROS_2012.fuente("dia_corte")


def test_r29_fuente_de_un_campo_inexistente() -> None:
    with pytest.raises(DatoInvalido, match="no tiene ese campo") as info:
        PARAMETROS_2012.fuente("nope")
    assert info.value.valor == "nope"


# --- R29: inmutabilidad y otra vigencia --------------------------------------------------------


def test_r29_no_se_puede_asignar_un_atributo() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        PARAMETROS_2012.dia_corte = 20  # type: ignore[misc]


@pytest.mark.parametrize("tabla", ["segmentos", "metas_cv", "topes_em", "techos_tipo_b"])
def test_r29_ninguna_tabla_se_puede_modificar(tabla: str) -> None:
    mapa = getattr(PARAMETROS_2012, tabla)
    llave = next(iter(mapa))
    with pytest.raises(TypeError):
        mapa[llave] = 0
    with pytest.raises(TypeError):
        del mapa[llave]
    with pytest.raises(AttributeError):
        mapa.update({llave: 0})
    with pytest.raises(AttributeError):
        mapa.nuevo = 1


def test_r29_cada_tabla_se_compara_por_contenido_y_tiene_hash() -> None:
    tabla = PARAMETROS_2012.techos_tipo_b
    assert tabla == {G: 500_000_000, M: 300_000_000, P: 300_000_000}
    assert tabla != {G: 500_000_000}
    copia = evolucionar().techos_tipo_b
    assert copia is not tabla
    assert hash(copia) == hash(tabla)
    assert repr(tabla) == (
        "MapaFijo({<SegmentoRegional.GRANDE: 'Grande'>: 500000000, "
        "<SegmentoRegional.MEDIANA: 'Mediana'>: 300000000, "
        "<SegmentoRegional.PEQUENA: 'Pequeña'>: 300000000})"
    )


def test_r29_los_inferidos_no_se_pueden_modificar() -> None:
    with pytest.raises(AttributeError):
        PARAMETROS_2012.segmentos_inferidos.add("05")  # type: ignore[attr-defined]


def test_r29_evolve_da_un_valor_nuevo_y_deja_el_original() -> None:
    antes = PARAMETROS_2012.metas_cv["05"]
    nuevo = evolucionar(
        vigencia=2013, dia_corte=20, metas_cv={**PARAMETROS_2012.metas_cv, "05": 3000}
    )
    assert nuevo is not PARAMETROS_2012
    assert (nuevo.vigencia, nuevo.dia_corte, nuevo.metas_cv["05"]) == (2013, 20, 3000)
    assert (PARAMETROS_2012.vigencia, PARAMETROS_2012.dia_corte) == (2012, 25)
    assert PARAMETROS_2012.metas_cv["05"] == antes == 2500
    assert nuevo != PARAMETROS_2012


def test_r29_evolve_sin_cambios_da_un_valor_igual() -> None:
    igual = evolucionar()
    assert igual == PARAMETROS_2012
    assert hash(igual) == hash(PARAMETROS_2012)


def test_r29_parametros_tiene_hash() -> None:
    otro = evolucionar(dia_corte=20)
    assert len({PARAMETROS_2012, evolucionar(), otro}) == 2


def test_r29_una_tabla_por_nombre_se_convierte_a_codigos() -> None:
    nuevo = evolucionar(metas_cv={r.nombre: v for r, v in _por_regional("metas_cv")})
    assert nuevo.metas_cv == PARAMETROS_2012.metas_cv
    assert set(nuevo.metas_cv) == set(PARAMETROS_2012.metas_cv)


def test_r29_enumeraciones_por_etiqueta_en_techos_y_reparto() -> None:
    nuevo = evolucionar(
        techos_tipo_b={"grande": 600_000_000, "Mediana": 300_000_000, "PEQUEÑA": 200_000_000},
        reparto_sismeg={"estratégico": Decimal("0.5"), "EMPRESARIAL": Decimal("0.5")},
    )
    assert dict(nuevo.techos_tipo_b) == {G: 600_000_000, M: 300_000_000, P: 200_000_000}
    assert nuevo.meta_sismeg(Rol.ESTRATEGICO) == (10_000, 1_000)


def test_r3_segmentos_inferidos_aceptan_nombres() -> None:
    nuevo = evolucionar(segmentos_inferidos=["Cesar", "Huila"])
    assert nuevo.segmentos_inferidos == frozenset({"20", "41"})
    assert evolucionar(segmentos_inferidos=()).segmentos_inferidos == frozenset()


def _por_regional(tabla: str) -> list[tuple[Any, Any]]:
    return [(regional(c), v) for c, v in getattr(PARAMETROS_2012, tabla).items()]


# --- R29: validación al construir ------------------------------------------------------------


@pytest.mark.parametrize("tabla", ["segmentos", "metas_cv", "topes_em"])
def test_r29_una_tabla_sin_una_regional_se_rechaza(tabla: str) -> None:
    incompleta = {c: v for c, v in getattr(PARAMETROS_2012, tabla).items() if c != "20"}
    with pytest.raises(DatoInvalido, match="faltan: Cesar") as info:
        evolucionar(**{tabla: incompleta})
    assert info.value.campo == tabla


@pytest.mark.parametrize("tabla", ["segmentos", "metas_cv", "topes_em"])
def test_r29_una_tabla_con_una_regional_desconocida_se_rechaza(tabla: str) -> None:
    tabla_actual = getattr(PARAMETROS_2012, tabla)
    con_errata = {**tabla_actual, "Boyara": tabla_actual["15"]}
    with pytest.raises(RegionalDesconocida) as info:
        evolucionar(**{tabla: con_errata})
    assert info.value.consulta == "Boyara"


def test_r29_una_regional_nombrada_dos_veces_se_queda_con_el_ultimo_valor() -> None:
    # como en un dict: {**tabla, "Cesar": ...} reemplaza el valor del código "20"
    nuevo = evolucionar(metas_cv={**PARAMETROS_2012.metas_cv, "Cesar": 99})
    assert nuevo.metas_cv["20"] == 99
    assert len(nuevo.metas_cv) == 33
    assert "Cesar" not in nuevo.metas_cv
    antes = evolucionar(metas_cv={"Cesar": 99, **PARAMETROS_2012.metas_cv})
    assert antes.metas_cv["20"] == 70


@pytest.mark.parametrize("tabla", ["segmentos", "metas_cv", "topes_em", "techos_tipo_b"])
@pytest.mark.parametrize("valor", [None, [1, 2], "tabla", 5])
def test_r29_una_tabla_que_no_es_mapeo_se_rechaza(tabla: str, valor: object) -> None:
    with pytest.raises(DatoInvalido, match="se esperaba una tabla") as info:
        evolucionar(**{tabla: valor})
    assert info.value.campo == tabla


@pytest.mark.parametrize("tabla", ["metas_cv", "topes_em"])
@pytest.mark.parametrize(
    ("valor", "motivo"),
    [
        (-1, "negativo"),
        (Decimal(-1), "entero"),
        (Decimal(5), "entero"),
        (Decimal("NaN"), "entero"),
        (True, "entero"),
        (1.5, "entero"),
        ("10", "entero"),
    ],
)
def test_r29_un_numero_invalido_en_una_tabla_se_rechaza(
    tabla: str, valor: object, motivo: str
) -> None:
    con_error = {**getattr(PARAMETROS_2012, tabla), "05": valor}
    with pytest.raises(DatoInvalido, match=motivo) as info:
        evolucionar(**{tabla: con_error})
    assert info.value.campo == tabla


def test_r3_un_segmento_que_no_es_segmento_se_rechaza() -> None:
    with pytest.raises(DatoInvalido, match="SegmentoRegional") as info:
        evolucionar(segmentos={**PARAMETROS_2012.segmentos, "20": "Mediana"})
    assert info.value.campo == "segmentos"


@pytest.mark.parametrize("valor", ["Cesar", 20, regional("Cesar"), None])
def test_r3_segmentos_inferidos_deben_ser_una_coleccion(valor: object) -> None:
    with pytest.raises(DatoInvalido, match="colección") as info:
        evolucionar(segmentos_inferidos=valor)
    assert info.value.campo == "segmentos_inferidos"


def test_r3_segmentos_inferidos_desconocidos_se_rechazan() -> None:
    with pytest.raises(RegionalDesconocida):
        evolucionar(segmentos_inferidos=["Cesar", "Narnia"])


@pytest.mark.parametrize("dia", [0, 29, 31, -1, True, "25", 25.0, None])
def test_r10_dia_corte_fuera_de_1_a_28_se_rechaza(dia: object) -> None:
    with pytest.raises(DatoInvalido, match="de 1 a 28") as info:
        evolucionar(dia_corte=dia)
    assert info.value.campo == "dia_corte"


@pytest.mark.parametrize("dia", [1, 15, 28])
def test_r10_dia_corte_de_1_a_28_se_acepta(dia: int) -> None:
    assert evolucionar(dia_corte=dia).dia_corte == dia


@pytest.mark.parametrize("vigencia", ["2012", 0, -2012, True, 2012.0])
def test_r29_vigencia_invalida_se_rechaza(vigencia: object) -> None:
    with pytest.raises(DatoInvalido) as info:
        evolucionar(vigencia=vigencia)
    assert info.value.campo == "vigencia"


@pytest.mark.parametrize(
    "reparto",
    [
        {Rol.ESTRATEGICO: Decimal("0.6"), Rol.EMPRESARIAL: Decimal("0.5")},
        {Rol.ESTRATEGICO: Decimal("0.5"), Rol.EMPRESARIAL: Decimal("0.4")},
        {Rol.ESTRATEGICO: 0, Rol.EMPRESARIAL: 0},
    ],
)
def test_r13_reparto_que_no_suma_1_se_rechaza(reparto: dict[Rol, Any]) -> None:
    with pytest.raises(DatoInvalido, match="sumar 1") as info:
        evolucionar(reparto_sismeg=reparto)
    assert info.value.campo == "reparto_sismeg"


def test_r13_reparto_sin_un_rol_se_rechaza() -> None:
    with pytest.raises(DatoInvalido, match="faltan: EMPRESARIAL") as info:
        evolucionar(reparto_sismeg={Rol.ESTRATEGICO: Decimal(1)})
    assert info.value.campo == "reparto_sismeg"


def test_r13_reparto_con_rol_desconocido_se_rechaza() -> None:
    with pytest.raises(DatoInvalido, match="Rol") as info:
        evolucionar(reparto_sismeg={"gerente": Decimal(1), Rol.EMPRESARIAL: 0})
    assert info.value.campo == "reparto_sismeg"


def test_r13_reparto_negativo_se_rechaza() -> None:
    with pytest.raises(DatoInvalido, match="negativo"):
        evolucionar(reparto_sismeg={Rol.ESTRATEGICO: Decimal(2), Rol.EMPRESARIAL: Decimal(-1)})


def test_r4_techos_sin_un_segmento_se_rechazan() -> None:
    with pytest.raises(DatoInvalido, match="faltan: MEDIANA, PEQUENA") as info:
        evolucionar(techos_tipo_b={G: 500_000_000})
    assert info.value.campo == "techos_tipo_b"


def test_r4_techo_por_debajo_del_piso_se_rechaza() -> None:
    with pytest.raises(DatoInvalido, match="MEDIANA no puede ser menor") as info:
        evolucionar(techos_tipo_b={G: 500_000_000, M: 99_999_999, P: 300_000_000})
    assert info.value.campo == "techos_tipo_b"
    # el techo igual al piso se admite: ningún tipo B en ese segmento
    assert evolucionar(techos_tipo_b={G: 100_000_000, M: 100_000_000, P: 100_000_000})


@pytest.mark.parametrize(
    ("piso", "motivo"),
    [
        (-1, "negativo"),
        (Decimal(-1), "negativo"),
        (1.0, "int o un Decimal"),
        ("1", "int o un Decimal"),
        (True, "int o un Decimal"),
        (Decimal("NaN"), "finito"),
        (Decimal("-Infinity"), "finito"),
    ],
)
def test_r4_piso_invalido_se_rechaza(piso: object, motivo: str) -> None:
    with pytest.raises(DatoInvalido, match=motivo) as info:
        evolucionar(piso_tipo_b=piso)
    assert info.value.campo == "piso_tipo_b"


def test_r4_piso_no_finito_dice_el_valor() -> None:
    with pytest.raises(DatoInvalido) as info:
        evolucionar(piso_tipo_b=Decimal("NaN"))
    assert str(info.value) == "piso_tipo_b: se esperaba un número finito (se recibió NaN)"
    assert Decimal(str(info.value.valor)).is_nan()


def test_r31_umbral_amarillo_negativo_de_un_indicador_se_rechaza() -> None:
    with pytest.raises(DatoInvalido) as info:
        evolucionar(umbrales_por_indicador={"EC": (Decimal("0.9"), Decimal("-0.1"))})
    assert str(info.value) == "umbrales_por_indicador: no puede ser negativo (se recibió -0.1)"


def test_r31_bandas_fuera_de_orden_dicen_el_umbral_amarillo() -> None:
    with pytest.raises(DatoInvalido) as info:
        evolucionar(umbrales_por_indicador={"EC": (Decimal("0.8"), Decimal("0.9"))})
    assert str(info.value) == (
        "umbrales_por_indicador: EC: el umbral amarillo no puede superar al verde (0.8) "
        "(se recibió 0.9)"
    )
    assert info.value.valor == Decimal("0.9")


def test_r4_piso_y_techos_en_decimal_se_aceptan() -> None:
    nuevo = evolucionar(piso_tipo_b=Decimal("100000000.50"))
    assert nuevo.piso_tipo_b == Decimal("100000000.50")


@pytest.mark.parametrize("campo", ["meta_ec", "meta_eg", "tope_em", "umbral_verde"])
@pytest.mark.parametrize("valor", [Decimal("1.01"), Decimal(90), Decimal(-1), 0.9])
def test_r29_una_proporcion_fuera_de_0_a_1_se_rechaza(campo: str, valor: object) -> None:
    with pytest.raises(DatoInvalido) as info:
        evolucionar(**{campo: valor})
    assert info.value.campo == campo


@pytest.mark.parametrize("campo", ["contactos_anuales", "sismeg_formados", "sismeg_empleos"])
@pytest.mark.parametrize("valor", [-1, Decimal("3.5"), 3.0, True])
def test_r29_un_conteo_que_no_es_entero_no_negativo_se_rechaza(campo: str, valor: object) -> None:
    with pytest.raises(DatoInvalido) as info:
        evolucionar(**{campo: valor})
    assert info.value.campo == campo


def test_r25_umbral_amarillo_por_encima_del_verde_se_rechaza() -> None:
    with pytest.raises(DatoInvalido, match="amarillo no puede superar") as info:
        evolucionar(umbral_amarillo=Decimal("0.95"))
    assert info.value.campo == "umbral_amarillo"
    assert evolucionar(umbral_amarillo=Decimal("0.90")).umbral_amarillo == Decimal("0.90")


def test_r29_el_original_sigue_intacto_despues_de_los_rechazos() -> None:
    with pytest.raises(DatoInvalido):
        evolucionar(dia_corte=31)
    assert PARAMETROS_2012.dia_corte == 25
    assert sum(PARAMETROS_2012.metas_cv.values()) == 14_200


@pytest.mark.parametrize(
    ("cambios", "texto"),
    [
        ({"fuentes": 5}, "fuentes: se esperaba una tabla (un mapeo) (se recibió 5)"),
        (
            {"fuentes": {"no_existe": "x"}},
            "fuentes: Parametros no tiene ese campo (se recibió 'no_existe')",
        ),
        (
            {"fuentes": {"meta_ec": "  "}},
            "fuentes: la fuente de meta_ec debe ser un texto no vacío (se recibió '  ')",
        ),
        ({"reparto_sismeg": 5}, "reparto_sismeg: se esperaba una tabla (un mapeo) (se recibió 5)"),
        ({"techos_tipo_b": 5}, "techos_tipo_b: se esperaba una tabla (un mapeo) (se recibió 5)"),
        (
            {"techos_tipo_b": {"ENORME": 1}},
            "techos_tipo_b: no es un valor de SegmentoRegional; se esperaba uno de: GRANDE, "
            "MEDIANA, PEQUENA (se recibió 'ENORME')",
        ),
        (
            {"reparto_sismeg": {"OTRO": 1}},
            "reparto_sismeg: no es un valor de Rol; se esperaba uno de: ESTRATEGICO, EMPRESARIAL "
            "(se recibió 'OTRO')",
        ),
    ],
)
def test_r29_r30_cada_tabla_mal_dada_nombra_el_campo_y_el_valor(
    cambios: dict[str, Any], texto: str
) -> None:
    with pytest.raises(DatoInvalido) as info:
        evolucionar(**cambios)
    assert str(info.value) == texto
    assert info.value.campo == next(iter(cambios))


def test_r31_bandas_de_algo_que_no_es_un_indicador_son_las_comunes() -> None:
    # Ni un `Indicador` ni su nombre (aquí, una lista: no se puede buscar en una tabla).
    propias = evolucionar(umbrales_por_indicador={"EC": (Decimal("0.95"), Decimal("0.80"))})
    assert propias.bandas("EC") == (Decimal("0.95"), Decimal("0.80"))
    assert propias.bandas(["EC"]) == (propias.umbral_verde, propias.umbral_amarillo)
