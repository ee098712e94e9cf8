"""Pruebas del árbol de errores: jerarquía, atributos, mensajes en español y `con_origen`."""

from __future__ import annotations

import copy
import pickle

import pytest

from sena_relacionamiento import (
    AccesoDenegado,
    DatoInvalido,
    DependenciaFaltante,
    ErrorSena,
    RegionalDesconocida,
    RegistroInconsistente,
    SinDestino,
)


@pytest.mark.parametrize(
    ("clase", "bases"),
    [
        (DatoInvalido, (ErrorSena, ValueError)),
        (RegionalDesconocida, (DatoInvalido, ErrorSena, ValueError)),
        (RegistroInconsistente, (ErrorSena, ValueError)),
        (SinDestino, (ErrorSena,)),
        (AccesoDenegado, (ErrorSena, PermissionError)),
        (DependenciaFaltante, (ErrorSena, ImportError)),
    ],
)
def test_arbol_de_errores(clase: type[Exception], bases: tuple[type[Exception], ...]) -> None:
    for base in bases:
        assert issubclass(clase, base)


def test_sin_destino_y_registro_inconsistente_no_son_dato_invalido() -> None:
    assert not issubclass(SinDestino, ValueError)
    assert not issubclass(RegistroInconsistente, DatoInvalido)
    assert not issubclass(AccesoDenegado, ValueError)


def test_dato_invalido_nombra_campo_y_valor() -> None:
    error = DatoInvalido("el dinero no puede ser negativo", campo="valor", valor=-5)
    assert str(error) == "valor: el dinero no puede ser negativo (se recibió -5)"
    assert (error.mensaje, error.campo, error.valor, error.origen) == (
        "el dinero no puede ser negativo",
        "valor",
        -5,
        None,
    )


def test_dato_invalido_sin_campo_ni_valor() -> None:
    error = DatoInvalido("algo salió mal")
    assert str(error) == "algo salió mal"
    assert error.campo is None
    assert error.valor is None


def test_dato_invalido_distingue_valor_none_de_sin_valor() -> None:
    assert str(DatoInvalido("falta", campo="fecha", valor=None)) == (
        "fecha: falta (se recibió None)"
    )
    assert str(DatoInvalido("falta", campo="fecha")) == "fecha: falta"


def test_dato_invalido_con_origen_en_el_mensaje() -> None:
    error = DatoInvalido("no es un NIT", campo="nit", valor="x", origen="contactos.csv, línea 12")
    assert str(error) == "contactos.csv, línea 12: nit: no es un NIT (se recibió 'x')"


def test_dato_invalido_recorta_valores_muy_largos() -> None:
    mensaje = str(DatoInvalido("demasiado", campo="texto", valor="a" * 1000))
    assert len(mensaje) < 300
    assert mensaje.endswith("…)")


def test_dato_invalido_con_un_entero_imposible_de_escribir() -> None:
    mensaje = str(DatoInvalido("demasiado", campo="n", valor=10**5000))
    assert mensaje == "n: demasiado (se recibió un int demasiado largo)"


def test_con_origen_devuelve_una_copia_con_origen_y_campo() -> None:
    original = DatoInvalido("no puede ser negativo", valor=-1)
    copia = original.con_origen("ambientes.csv, línea 3", campo="valor")
    assert copia is not original
    assert type(copia) is DatoInvalido
    assert str(copia) == "ambientes.csv, línea 3: valor: no puede ser negativo (se recibió -1)"
    assert copia.args == (str(copia),)
    # el original no cambia
    assert original.origen is None
    assert original.campo is None
    assert str(original) == "no puede ser negativo (se recibió -1)"


def test_con_origen_no_reemplaza_un_campo_ya_dado() -> None:
    copia = DatoInvalido("malo", campo="fecha").con_origen("datos.csv, línea 2", campo="otro")
    assert copia.campo == "fecha"
    assert str(copia) == "datos.csv, línea 2: fecha: malo"


def test_con_origen_conserva_la_clase_y_sus_atributos() -> None:
    original = RegionalDesconocida("Boyara", ["Boyacá"])
    copia = original.con_origen("contratos.csv, línea 7")
    assert isinstance(copia, RegionalDesconocida)
    assert copia.consulta == "Boyara"
    assert copia.sugerencias == ("Boyacá",)
    assert str(copia).startswith("contratos.csv, línea 7: regional: ")


def test_con_origen_conserva_la_traza() -> None:
    with pytest.raises(DatoInvalido) as info:
        raise DatoInvalido("malo")
    error = info.value
    copia = error.con_origen("x.csv, línea 1")
    assert error.__traceback__ is not None
    assert copia.__traceback__ is error.__traceback__


def test_r2_regional_desconocida_guarda_consulta_y_sugerencias() -> None:
    error = RegionalDesconocida("Boyara", ["Boyacá", "Bolívar"])
    assert error.consulta == "Boyara"
    assert error.sugerencias == ("Boyacá", "Bolívar")
    assert error.campo == "regional"
    assert str(error) == (
        "regional: no es una regional del SENA; ¿quiso decir Boyacá o Bolívar? "
        "(se recibió 'Boyara')"
    )


def test_r2_regional_desconocida_sin_sugerencias() -> None:
    error = RegionalDesconocida(3.5)
    assert error.sugerencias == ()
    assert str(error) == "regional: no es una regional del SENA (se recibió 3.5)"


def test_registro_inconsistente_guarda_los_registros() -> None:
    error = RegistroInconsistente("empresa asignada a dos gestores", registros=["a", "b"])
    assert error.registros == ("a", "b")
    assert str(error) == "empresa asignada a dos gestores"
    assert RegistroInconsistente("x").registros == ()


def test_dependencia_faltante_dice_que_instalar() -> None:
    error = DependenciaFaltante("holidays", "festivos")
    assert (error.paquete, error.extra) == ("holidays", "festivos")
    assert "pip install 'sena-relacionamiento[festivos]'" in str(error)
    assert "'holidays'" in str(error)


@pytest.mark.parametrize(
    "error",
    [
        DatoInvalido("malo", campo="c", valor=1, origen="a.csv, línea 2"),
        DatoInvalido("sin nada"),
        RegionalDesconocida("Boyara", ["Boyacá"]),
        RegistroInconsistente("choque", ["r1"]),
        SinDestino("nadie"),
        AccesoDenegado("no"),
        DependenciaFaltante("openpyxl", "excel"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_los_errores_se_copian_y_serializan(error: ErrorSena) -> None:
    for copia in (pickle.loads(pickle.dumps(error)), copy.copy(error)):
        assert type(copia) is type(error)
        assert str(copia) == str(error)
        assert copia.args == error.args
        assert copia.__dict__ == error.__dict__


def test_un_repr_que_falla_no_tapa_el_error() -> None:
    """Si el `__repr__` del valor recibido falla, el mensaje lo dice y el error sale igual."""

    class Rebelde:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    error = DatoInvalido("malo", campo="x", valor=Rebelde())
    assert "un Rebelde sin representación" in str(error)
