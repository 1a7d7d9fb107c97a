<<<<<<<< HEAD:internal/web/dist/assets/WhoWhen-BntDx95Z.js
import{g as t}from"./index-DQnoVuL9.js";import{O as a,U as n,S as c,D as o}from"./vue-BwhYkfKI.js";const s={class:"who-when"},l={__name:"WhoWhen",props:{change:{type:Object,default:null}},setup(e){return(r,h)=>(a(),n("span",s,c(e.change?e.change.actor+" · "+o(t)(e.change.time):"—"),1))}};export{l as _};
========
import{g as t}from"./index-CYW2tBf2.js";import{O as a,U as n,S as c,D as o}from"./vue-Gkn99IW2.js";const s={class:"who-when"},l={__name:"WhoWhen",props:{change:{type:Object,default:null}},setup(e){return(r,h)=>(a(),n("span",s,c(e.change?e.change.actor+" · "+o(t)(e.change.time):"—"),1))}};export{l as _};
>>>>>>>> perm13:internal/web/dist/assets/WhoWhen-DaUhb1fi.js
