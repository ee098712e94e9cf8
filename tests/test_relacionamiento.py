"""Pruebas de la matriz de relacionamiento (R6).

La matriz se compara con el cuadro de segmentación de empresas de la circular, copiado aquí
tal como lo trae el texto. El enrutamiento de R7 se prueba en test_enrutamiento.py.
"""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sena_relacionamiento._texto import normalizar
from sena_relacionamiento.enumeraciones import TipoEmpresa
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.relacionamiento import (
    MATRIZ_RELACIONAMIENTO,
    Alcance,
    Canal,
    Gremio,
    Relacionamiento,
    SegmentoEmpresa,
    Tema,
    relacionamiento,
    segmento_empresa,
)

# El cuadro de la circular (§ cuadro de segmentación de empresas), columna por columna:
# segmento | alcance | temas | canal.
CUADRO_CIRCULAR = (
    (
        "Grandes y Gremios Nacionales",
        "Convenio Marco Plurianual y Derivados Anuales",
        "1. Innovación 2. Cooperación Internacional 3. Formación Integral 4. Certificación de "
        "Competencias 5. Empleo (SNE) 6. Contrato de aprendizaje Voluntario 7. Emprendimiento y "
        "Fortalecimiento (Comunidad) 8. Ambientes de Aprendizaje 9. Inclusión Social 10. "
        "Empresas Formadoras",
        "Gestores Estratégicos en Regionales y Dirección Nacional",
    ),
    (
        "Medianas y Gremios Regionales",
        "Plan Derivado Anual o POR demanda",
        "1. Innovación 2. Formación Integral 3. Certificación de Competencias 4. Empleo (SNE) 5. "
        "Contrato de aprendizaje voluntario.",
        "Gestores Regionales por demanda",
    ),
    (
        "PYMES",
        "Por solicitud o Demanda",
        "El que solicite la empresa puntualmente",
        "Contact Center",
    ),
)


def _temas_numerados(texto: str) -> list[str]:
    """Los temas de una celda "1. A 2. B …", en orden."""
    return [t.strip() for t in re.split(r"\d+\.\s", texto) if t.strip()]


# --- R6: la matriz ---


@pytest.mark.parametrize(("segmento", "alcance", "temas", "canal"), CUADRO_CIRCULAR)
def test_r6_matriz_contra_el_cuadro_de_la_circular(
    segmento: str, alcance: str, temas: str, canal: str
) -> None:
    fila = relacionamiento(segmento)
    assert normalizar(fila.segmento.etiqueta) == normalizar(segmento)
    assert normalizar(fila.alcance.etiqueta) == normalizar(alcance)
    assert normalizar(fila.canal.etiqueta) == normalizar(canal)
    if segmento == "PYMES":
        # "el que solicite la empresa": cualquiera de los diez, por solicitud.
        assert fila.temas == tuple(Tema)
        assert fila.solo_por_solicitud is True
    else:
        esperados = [normalizar(t) for t in _temas_numerados(temas)]
        assert [normalizar(t.etiqueta) for t in fila.temas] == esperados
        assert fila.solo_por_solicitud is False


def test_r6_la_matriz_tiene_una_fila_por_segmento() -> None:
    assert list(MATRIZ_RELACIONAMIENTO) == list(SegmentoEmpresa)
    assert all(fila.segmento is s for s, fila in MATRIZ_RELACIONAMIENTO.items())


def test_r6_los_diez_temas_en_el_orden_de_la_circular() -> None:
    circular = _temas_numerados(CUADRO_CIRCULAR[0][2])
    assert len(circular) == 10
    assert [Tema.de(t) for t in circular] == list(Tema)
    assert [t.name for t in Tema] == [
        "INNOVACION",
        "COOPERACION_INTERNACIONAL",
        "FORMACION_INTEGRAL",
        "CERTIFICACION_COMPETENCIAS",
        "EMPLEO_SNE",
        "CONTRATO_APRENDIZAJE_VOLUNTARIO",
        "EMPRENDIMIENTO_FORTALECIMIENTO",
        "AMBIENTES_APRENDIZAJE",
        "INCLUSION_SOCIAL",
        "EMPRESAS_FORMADORAS",
    ]


def test_r6_etiquetas_con_tildes_y_nombres_ascii() -> None:
    assert Tema.INNOVACION.etiqueta == "Innovación"
    assert Tema.EMPLEO_SNE.etiqueta == "Empleo (SNE)"
    assert Canal.GESTORES_ESTRATEGICOS.etiqueta == (
        "Gestores estratégicos en regionales y Dirección Nacional"
    )
    assert Alcance.POR_SOLICITUD.etiqueta == "Por solicitud o demanda"
    for clase in (SegmentoEmpresa, Tema, Canal, Alcance, Gremio):
        assert all(m.name.isascii() for m in clase)


def test_r6_una_mediana_no_puede_recibir_cooperacion_internacional() -> None:
    medianas = relacionamiento(SegmentoEmpresa.MEDIANAS_Y_GREMIOS_REGIONALES)
    assert not medianas.admite(Tema.COOPERACION_INTERNACIONAL)
    assert not medianas.admite("cooperacion internacional")
    assert not medianas.admite("COOPERACION_INTERNACIONAL")
    assert medianas.admite("Empleo (SNE)")
    fuera = {
        Tema.COOPERACION_INTERNACIONAL,
        Tema.EMPRENDIMIENTO_FORTALECIMIENTO,
        Tema.AMBIENTES_APRENDIZAJE,
        Tema.INCLUSION_SOCIAL,
        Tema.EMPRESAS_FORMADORAS,
    }
    assert {t for t in Tema if not medianas.admite(t)} == fuera


@given(st.sampled_from(list(Tema)))
def test_r6_pymes_se_atienden_solo_por_solicitud_en_cualquier_tema(tema: Tema) -> None:
    pymes = relacionamiento(SegmentoEmpresa.PYMES)
    assert pymes.solo_por_solicitud
    assert pymes.canal is Canal.CONTACT_CENTER
    assert pymes.admite(tema)
    assert pymes.admite(tema.etiqueta)


@given(st.sampled_from(list(Tema)))
def test_r6_grandes_admiten_los_diez_temas(tema: Tema) -> None:
    assert relacionamiento("grandes y gremios nacionales").admite(tema.name)


def test_r6_solo_pymes_es_solo_por_solicitud() -> None:
    assert {s for s, f in MATRIZ_RELACIONAMIENTO.items() if f.solo_por_solicitud} == {
        SegmentoEmpresa.PYMES
    }


def test_r6_tema_desconocido_es_dato_invalido() -> None:
    with pytest.raises(DatoInvalido, match="tema: no es un valor de Tema") as error:
        relacionamiento("PYMES").admite("astrología")
    assert error.value.valor == "astrología"
    with pytest.raises(DatoInvalido, match="tema"):
        relacionamiento("PYMES").admite(3)  # type: ignore[arg-type]


def test_r6_segmento_por_miembro_nombre_o_etiqueta() -> None:
    esperado = MATRIZ_RELACIONAMIENTO[SegmentoEmpresa.PYMES]
    assert relacionamiento(SegmentoEmpresa.PYMES) is esperado
    assert relacionamiento("pymes") is esperado
    assert relacionamiento(" Pymes ") is esperado
    with pytest.raises(DatoInvalido, match="segmento: no es un valor de SegmentoEmpresa"):
        relacionamiento("microempresas")
    with pytest.raises(DatoInvalido, match="segmento"):
        relacionamiento(None)  # type: ignore[arg-type]


def test_r6_la_matriz_es_inmutable() -> None:
    fila = relacionamiento("PYMES")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fila.solo_por_solicitud = False  # type: ignore[misc]
    with pytest.raises(TypeError):
        MATRIZ_RELACIONAMIENTO[SegmentoEmpresa.PYMES] = fila  # type: ignore[index]
    assert hash(MATRIZ_RELACIONAMIENTO) == hash(MATRIZ_RELACIONAMIENTO)


def test_r6_relacionamiento_valida_y_ordena_sus_campos() -> None:
    fila = Relacionamiento(
        segmento="pymes",
        alcance="por solicitud",
        temas=["Inclusión social", Tema.INNOVACION],
        canal="contact center",
        solo_por_solicitud=True,
    )
    assert fila.temas == (Tema.INNOVACION, Tema.INCLUSION_SOCIAL)  # orden de la circular
    assert fila.alcance is Alcance.POR_SOLICITUD
    assert fila.canal is Canal.CONTACT_CENTER


@pytest.mark.parametrize(
    ("cambio", "campo"),
    [
        ({"temas": "Innovación"}, "temas"),
        ({"temas": 7}, "temas"),
        ({"temas": ()}, "temas"),
        ({"temas": (Tema.INNOVACION, "innovacion")}, "temas"),
        ({"temas": (Tema.INNOVACION, "magia")}, "temas[1]"),
        ({"solo_por_solicitud": "sí"}, "solo_por_solicitud"),
        ({"alcance": "eterno"}, "alcance"),
        ({"canal": "paloma"}, "canal"),
        ({"segmento": "enormes"}, "segmento"),
    ],
)
def test_r6_relacionamiento_rechaza_valores_malos(cambio: dict[str, object], campo: str) -> None:
    campos: dict[str, object] = {
        "segmento": SegmentoEmpresa.PYMES,
        "alcance": Alcance.POR_SOLICITUD,
        "temas": (Tema.INNOVACION,),
        "canal": Canal.CONTACT_CENTER,
        "solo_por_solicitud": True,
    }
    with pytest.raises(DatoInvalido) as error:
        Relacionamiento(**(campos | cambio))
    assert error.value.campo == campo


def test_r6_tema_repetido_se_nombra() -> None:
    with pytest.raises(DatoInvalido, match="repetidos: INNOVACION"):
        Relacionamiento(
            segmento="pymes",
            alcance="por solicitud",
            temas=(Tema.INNOVACION, "Innovación", Tema.EMPLEO_SNE),
            canal="contact center",
            solo_por_solicitud=True,
        )


# --- R6: segmento de una empresa (decisión del proyecto) ---


@pytest.mark.parametrize(
    ("tipo", "segmento"),
    [
        (TipoEmpresa.A, SegmentoEmpresa.GRANDES_Y_GREMIOS_NACIONALES),
        (TipoEmpresa.B, SegmentoEmpresa.MEDIANAS_Y_GREMIOS_REGIONALES),
        (TipoEmpresa.NO_FOCALIZADA, SegmentoEmpresa.PYMES),
        ("Tipo A", SegmentoEmpresa.GRANDES_Y_GREMIOS_NACIONALES),
        ("b", SegmentoEmpresa.MEDIANAS_Y_GREMIOS_REGIONALES),
        ("no focalizada", SegmentoEmpresa.PYMES),
    ],
)
def test_r6_segmento_de_una_empresa_por_su_tipo(
    tipo: TipoEmpresa | str, segmento: SegmentoEmpresa
) -> None:
    assert segmento_empresa(tipo) is segmento


@given(st.sampled_from([*TipoEmpresa, None]))
def test_r6_el_gremio_decide_el_segmento_sea_cual_sea_el_tipo(tipo: TipoEmpresa | None) -> None:
    assert segmento_empresa(tipo, gremio=Gremio.NACIONAL) is (
        SegmentoEmpresa.GRANDES_Y_GREMIOS_NACIONALES
    )
    assert segmento_empresa(tipo, gremio="gremio regional") is (
        SegmentoEmpresa.MEDIANAS_Y_GREMIOS_REGIONALES
    )


def test_r6_segmento_empresa_rechaza_datos_malos() -> None:
    with pytest.raises(DatoInvalido, match="tipo de la empresa") as sin_nada:
        segmento_empresa()
    assert sin_nada.value.campo == "tipo"
    with pytest.raises(DatoInvalido) as tipo_malo:
        segmento_empresa("Tipo Z", gremio=Gremio.NACIONAL)
    assert tipo_malo.value.campo == "tipo"
    with pytest.raises(DatoInvalido) as gremio_malo:
        segmento_empresa(TipoEmpresa.A, gremio="internacional")
    assert gremio_malo.value.campo == "gremio"
