<<<<<<<< HEAD:internal/web/dist/assets/index-Bk43HKZB.js
import{a2 as m}from"./index-D6Rr1WzG.js";import{w as p,D as u}from"./vue-Dfn9EVr0.js";const c=({from:e,replacement:a,scope:t,version:r,ref:s,type:i="API"},o)=>{p(()=>u(o),d=>{d&&m(t,`[${i}] ${e} is about to be deprecated in version ${r}, please use ${a} instead.
========
import{a1 as m}from"./index-B2JMyeNc.js";import{w as p,D as u}from"./vue-BwhYkfKI.js";const c=({from:e,replacement:a,scope:t,version:r,ref:s,type:i="API"},o)=>{p(()=>u(o),d=>{d&&m(t,`[${i}] ${e} is about to be deprecated in version ${r}, please use ${a} instead.
>>>>>>>> bill15:internal/web/dist/assets/index-kgwa6z8W.js
For more detail, please visit: ${s}
`)},{immediate:!0})};export{c as u};
